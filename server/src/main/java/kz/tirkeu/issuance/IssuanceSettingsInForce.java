package kz.tirkeu.issuance;

import static kz.tirkeu.platform.SettingsInForce.Group.PROCESS;
import static kz.tirkeu.platform.SettingsInForce.Group.SYSTEMS;

import java.util.List;
import kz.tirkeu.issuance.production.ExternalHttp;
import kz.tirkeu.platform.SettingsInForce;
import org.springframework.stereotype.Component;

/** Collection at the PSC and the addresses of production and the digital documents service. */
@Component
class IssuanceSettingsInForce implements SettingsInForce {

    private final IssuanceProperties properties;
    private final ExternalHttp http;

    IssuanceSettingsInForce(IssuanceProperties properties, ExternalHttp http) {
        this.properties = properties;
        this.http = http;
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting(PROCESS, 50, "collection-days", "admin.config.collectionDays", Shown.text(Integer.toString(properties.collectionDays()))),
                new Setting(SYSTEMS, 20, "print-centre-url", "admin.config.printCentre",
                        Shown.address(http.base(properties.printCentreUrl(), "/print-centre/v1").toString())),
                new Setting(SYSTEMS, 30, "plate-maker-url", "admin.config.plateMaker",
                        Shown.address(http.base(properties.plateMakerUrl(), "/plate-maker/v1").toString())),
                new Setting(SYSTEMS, 40, "digital-documents-url", "admin.config.digitalDocuments",
                        Shown.address(http.base(properties.digitalDocumentsUrl(), "/digital-documents/v1").toString())));
    }
}
