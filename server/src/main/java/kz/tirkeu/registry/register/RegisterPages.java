package kz.tirkeu.registry.register;

import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import kz.tirkeu.platform.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The vehicle register in the browser, for police officers and auditors: one search box that takes a
 * VIN, a plate (typed with any spacing and case) or an owner's IIN, and a vehicle's page with its record
 * and the history of operations on it.
 */
@Controller
@PageController
@Allowed({Role.POLICE_OFFICER, Role.AUDITOR})
class RegisterPages {

    private final VehicleRegister register;

    RegisterPages(VehicleRegister register) {
        this.register = register;
    }

    @GetMapping("/police/register")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        String query = q.strip();
        model.addAttribute("q", query);
        if (query.isEmpty()) {
            return "register/search";
        }
        SearchBy by = SearchBy.of(query);
        model.addAttribute("searchedBy", by);
        List<VehicleRegistration> found = switch (by) {
            case OWNER_IIN -> register.search(Optional.empty(), Optional.empty(), Optional.of(query));
            case VIN -> register.search(Optional.of(query), Optional.empty(), Optional.empty());
            case PLATE -> register.search(Optional.empty(), Optional.of(query), Optional.empty());
        };
        model.addAttribute("found", found);
        model.addAttribute("limited", found.size() >= VehicleRegister.SEARCH_LIMIT);
        return "register/search";
    }

    @GetMapping("/police/register/vehicles/{vin}")
    String vehicle(@PathVariable String vin, Model model) {
        VehicleRegistration registration = register.find(vin.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new ProblemException("NOT_IN_REGISTER", HttpStatus.NOT_FOUND, "The register has no vehicle with VIN " + vin + ".", vin));
        model.addAttribute("vehicle", registration);
        model.addAttribute("history", register.history(registration.vin()).reversed());
        return "register/vehicle";
    }

    /**
     * What a search text is: twelve digits are an IIN (a plate has letters, a VIN seventeen characters);
     * seventeen letters and digits without spaces are a VIN; anything else is read as a plate.
     */
    enum SearchBy {
        OWNER_IIN, VIN, PLATE;

        static SearchBy of(String query) {
            if (query.matches("\\d{12}")) {
                return OWNER_IIN;
            }
            if (query.matches("[A-Za-z0-9]{17}")) {
                return VIN;
            }
            return PLATE;
        }
    }
}
