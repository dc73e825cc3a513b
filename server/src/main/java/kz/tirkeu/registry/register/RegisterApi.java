package kz.tirkeu.registry.register;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.web.Allowed;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The vehicle register for police officers and auditors: search by VIN, plate or owner; a vehicle with its history. */
@RestController
class RegisterApi {

    private final VehicleRegister register;

    RegisterApi(VehicleRegister register) {
        this.register = register;
    }

    @GetMapping("/api/v1/register/vehicles")
    @Allowed({Role.POLICE_OFFICER, Role.AUDITOR})
    @Operation(summary = "Search the vehicle register", description = "By vin, plate or ownerIin; newest first, at most 50.")
    List<VehicleRegistration> search(@RequestParam Optional<String> vin, @RequestParam Optional<String> plate, @RequestParam Optional<String> ownerIin) {
        vin = vin.filter(v -> !v.isBlank());
        plate = plate.filter(p -> !p.isBlank());
        ownerIin = ownerIin.filter(i -> !i.isBlank());
        if (vin.isEmpty() && plate.isEmpty() && ownerIin.isEmpty()) {
            throw new ProblemException("SEARCH_CRITERION_MISSING", HttpStatus.BAD_REQUEST,
                    "Search by vin, plate (e.g. 123 ABC 02) or ownerIin; give at least one.");
        }
        if (ownerIin.isPresent() && !ownerIin.get().strip().matches("\\d{12}")) {
            throw new ProblemException("IIN_INVALID", HttpStatus.BAD_REQUEST, "ownerIin is 12 digits.").situation("search");
        }
        return register.search(vin, plate, ownerIin);
    }

    @GetMapping("/api/v1/register/vehicles/{vin}")
    @Allowed({Role.POLICE_OFFICER, Role.AUDITOR})
    Entry vehicle(@PathVariable String vin) {
        VehicleRegistration registration = register.find(vin).orElseThrow(() -> new ProblemException("NOT_IN_REGISTER", HttpStatus.NOT_FOUND,
                "The register has no vehicle with VIN " + vin + ".", vin));
        return new Entry(registration, register.history(registration.vin()));
    }

    record Entry(VehicleRegistration registration, List<RegisterOperation> history) {}
}
