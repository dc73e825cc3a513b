package kz.tirkeu.issuance.psc;

import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
import org.springframework.stereotype.Component;
import org.springframework.modulith.NamedInterface;

/**
 * A PSC's name, address and hours for the pages, from the ЦОН catalogue. The catalogue being silent
 * never stops a page: the centre is then shown by its code alone.
 */
@NamedInterface("psc")
@Component
public class PscCentres {

    private final ServiceCentres catalogue;

    PscCentres(ServiceCentres catalogue) {
        this.catalogue = catalogue;
    }

    /** @param name null when the catalogue does not answer or does not know the code */
    public record Centre(String code, String name, String address, String workingHours) {}

    public Centre of(String code) {
        return switch (catalogue.find(code)) {
            case Answer.Found<ServiceCentres.ServiceCentre> found ->
                    new Centre(code, found.value().name(), found.value().address(), found.value().workingHours());
            case Answer.NotFound<ServiceCentres.ServiceCentre> none -> new Centre(code, null, null, null);
            case Answer.Unavailable<ServiceCentres.ServiceCentre> down -> new Centre(code, null, null, null);
        };
    }
}
