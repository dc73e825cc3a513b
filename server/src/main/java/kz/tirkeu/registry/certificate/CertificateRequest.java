package kz.tirkeu.registry.certificate;

import java.time.Instant;
import kz.tirkeu.statesystems.Individuals;
import kz.tirkeu.statesystems.VehiclePassports;
import org.springframework.modulith.NamedInterface;

/**
 * What a registration certificate (СРТС, көлік құралын тіркеу туралы куәлік) states, as the
 * registration decision (S19) gathered it: the vehicle from ЭПТС and the owner from ГБД ФЛ, both read
 * at the decision, the plate allocated, and the unit that registered it.
 *
 * @param issuingUnit the administrative police unit of the region, e.g. "Administrative police department of Almaty city"
 */
@NamedInterface("certificates")
public record CertificateRequest(String applicationNumber, String plateNumber, String regionCode, VehiclePassports.VehiclePassport vehicle,
                                 Individuals.Individual owner, String issuingUnit, Instant registeredAt) {}
