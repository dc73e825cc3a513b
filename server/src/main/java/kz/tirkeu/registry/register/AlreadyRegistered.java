package kz.tirkeu.registry.register;

/** The register already holds this VIN: the database refused a second registration. */
public class AlreadyRegistered extends RuntimeException {

    public AlreadyRegistered(String vin) {
        super("The vehicle " + vin + " is already in the register.");
    }
}
