package kz.tirkeu.registry.plates;

import static kz.tirkeu.platform.SettingsInForce.Group.PLATES;

import java.util.List;
import kz.tirkeu.platform.SettingsInForce;
import org.springframework.stereotype.Component;

/** Which plate numbers may be given, and in which order. */
@Component
class PlateSettingsInForce implements SettingsInForce {

    private final PlateProperties plates;

    PlateSettingsInForce(PlateProperties plates) {
        this.plates = plates;
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                new Setting(PLATES, 10, "plate-alphabet", "admin.config.alphabet", Shown.code(plates.alphabet())),
                new Setting(PLATES, 20, "plate-order", "admin.config.order", Shown.message("admin.config.order." + plates.order().name())),
                new Setting(PLATES, 30, "plate-regions", "admin.config.regions", Shown.text(String.join(" ", plates.regions()))),
                new Setting(PLATES, 40, "plate-high-demand", "admin.config.highDemand", Shown.text(String.join(" ", plates.highDemandDigits()))),
                new Setting(PLATES, 50, "plate-banned", "admin.config.banned", Shown.text(String.join(" ", plates.bannedLetters()))),
                new Setting(PLATES, 60, "plate-reserved", "admin.config.reserved", Shown.text(String.join(", ", plates.reserved()))),
                new Setting(PLATES, 70, "plate-stored", "admin.config.stored", Shown.text(String.join(", ", plates.stored()))));
    }
}
