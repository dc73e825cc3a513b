package kz.tirkeu.sandbox.ca;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a certificate is revoked: the RFC 5280 §5.3.1 CRLReason codes a CA puts in its CRL and OCSP
 * answers. removeFromCRL (8) is left out: it only un-revokes in delta CRLs, which this CA does not publish.
 */
public enum RevocationReason {
    UNSPECIFIED(0, "unspecified"),
    KEY_COMPROMISE(1, "keyCompromise"),
    CA_COMPROMISE(2, "cACompromise"),
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    SUPERSEDED(4, "superseded"),
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    CERTIFICATE_HOLD(6, "certificateHold"),
    PRIVILEGE_WITHDRAWN(9, "privilegeWithdrawn"),
    AA_COMPROMISE(10, "aACompromise");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    public int code() {
        return code;
    }

    /** The name RFC 5280 gives it, e.g. {@code keyCompromise}. */
    public String rfcName() {
        return rfcName;
    }

    public static Optional<RevocationReason> ofCode(int code) {
        return Arrays.stream(values()).filter(r -> r.code == code).findFirst();
    }

    public static Optional<RevocationReason> ofName(String name) {
        return Arrays.stream(values()).filter(r -> r.rfcName.equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)).findFirst();
    }

    /** Every accepted reason as "code (name)", for messages that tell a tester what to send. */
    public static String accepted() {
        return String.join(", ", Arrays.stream(values()).map(r -> r.code + " (" + r.rfcName + ")").toList());
    }
}
