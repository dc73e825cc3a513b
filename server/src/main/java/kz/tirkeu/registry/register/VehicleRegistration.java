package kz.tirkeu.registry.register;

import java.time.Instant;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.modulith.NamedInterface;

/**
 * A vehicle's record in the register: one per VIN, with its owner, its data from ЭПТС as read at the
 * registration decision, its plate and registration certificate.
 *
 * @param registeredBy "PLATFORM" for the automatic decision, else the officer's IIN
 */
@NamedInterface("register")
public record VehicleRegistration(String vin, String ownerIin, String ownerName, VehiclePassports.VehiclePassport vehicle, String plateNumber,
                                  String region, String certificateNumber, String applicationNumber, Instant registeredAt, String registeredBy) {}
