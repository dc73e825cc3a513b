package kz.tirkeu.statesystems;

import java.time.LocalDate;
import java.util.Optional;

/** ЭПТС: the electronic vehicle passport by VIN (S3, S12). */
public interface VehiclePassports {

    Answer<VehiclePassport> find(Vin vin);

    /** The evidence fact holding the passport's year of manufacture: this interface owns the name, readers use {@link #yearOf}. */
    String YEAR = "year";

    /** The year of manufacture an ЭПТС answer's evidence recorded, if it is such evidence. */
    static Optional<Integer> yearOf(Evidence evidence) {
        return evidence.system() == StateSystem.VEHICLE_PASSPORTS
                ? Optional.ofNullable(evidence.facts().get(YEAR)).map(Integer::parseInt)
                : Optional.empty();
    }

    record VehiclePassport(String number, String status, String vin, String make, String model, String category, int year,
                           Engine engine, String colour, String bodyNumber, String chassisNumber, String engineNumber,
                           Integer massKg, Integer maxMassKg, String manufacturer, String plant, String typeApprovalNumber,
                           String origin, LocalDate issuedAt) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    record Engine(String type, Integer volumeCc, Integer powerKw) {}
}
