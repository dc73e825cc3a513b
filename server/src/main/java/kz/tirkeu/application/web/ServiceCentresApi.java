package kz.tirkeu.application.web;

import kz.tirkeu.platform.CannotServe;
import java.util.List;
import kz.tirkeu.application.ApplicationRefused;
import kz.tirkeu.identity.web.PublicEndpoint;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public service centres of a region, from the ЦОН catalogue: what a buyer's app shows before S15, where the buyer
 * chooses the centre that will hand over the certificate and the plates (issue [11]: only the sandbox had a list).
 */
@RestController
@PublicEndpoint // the centres and their hours are public information, needed before anyone signs in
class ServiceCentresApi {

    private final ServiceCentres centres;

    ServiceCentresApi(ServiceCentres centres) {
        this.centres = centres;
    }

    @GetMapping("/api/v1/service-centres")
    List<ServiceCentres.ServiceCentre> inRegion(@RequestParam(required = false) String region) {
        String code = region == null ? "" : region.strip();
        if (!RegimeParameters.REGIONS.contains(code)) {
            throw new ApplicationRefused("REGION_UNKNOWN", CannotServe.Reason.INVALID, "Give region, a region code 01–20 (e.g. ?region=02 for Almaty).");
        }
        return switch (centres.inRegion(code)) {
            case Answer.Found<List<ServiceCentres.ServiceCentre>> found -> found.value();
            case Answer.NotFound<List<ServiceCentres.ServiceCentre>> none -> List.of();
            case Answer.Unavailable<List<ServiceCentres.ServiceCentre>> down -> throw new ApplicationRefused("PSC_CATALOGUE_UNAVAILABLE",
                    CannotServe.Reason.UNAVAILABLE, "The catalogue of service centres does not answer right now. Please try again in a few minutes.")
                    .situation("list");
        };
    }
}
