package kz.tirkeu.statesystems;

import java.time.LocalDate;

/** ЭПТС: the electronic vehicle passport by VIN (S3, S12). */
public interface VehiclePassports {

    Answer<VehiclePassport> find(Vin vin);

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
