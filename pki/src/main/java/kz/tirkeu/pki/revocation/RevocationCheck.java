package kz.tirkeu.pki.revocation;

import java.util.Optional;

/** A revocation status with the evidence it came from, and where it came from, for the report. */
public record RevocationCheck(RevocationStatus status, Optional<RevocationEvidence> evidence) {

    static RevocationCheck unknown(String why) {
        return new RevocationCheck(new RevocationStatus.Unknown(why), Optional.empty());
    }
}
