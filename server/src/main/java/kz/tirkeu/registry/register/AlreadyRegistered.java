package kz.tirkeu.registry.register;

import org.springframework.modulith.NamedInterface;

/** The register already holds this VIN: the database refused a second registration. */
@NamedInterface("register")
public class AlreadyRegistered extends RuntimeException {

    public AlreadyRegistered(String vin) {
        super("The vehicle " + vin + " is already in the register.");
    }
}
