package kz.tirkeu.pki.cert;

import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** The role policies of the НУЦ, carried as OIDs in the extended key usage (DOMAIN.md §5.6). */
public enum KzRole {
    INDIVIDUAL(KzOids.INDIVIDUAL),
    LEGAL_ENTITY_EMPLOYEE(KzOids.LEGAL_ENTITY_EMPLOYEE),
    FIRST_HEAD(KzOids.FIRST_HEAD),
    SIGNING_RIGHT(KzOids.SIGNING_RIGHT),
    FINANCIAL_SIGNING_RIGHT(KzOids.FINANCIAL_SIGNING_RIGHT),
    HR(KzOids.HR),
    EMPLOYEE(KzOids.EMPLOYEE);

    private final ASN1ObjectIdentifier oid;

    KzRole(ASN1ObjectIdentifier oid) {
        this.oid = oid;
    }

    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public static Optional<KzRole> byOid(String oid) {
        return Arrays.stream(values()).filter(r -> r.oid.getId().equals(oid)).findFirst();
    }

    /** True for the roles that say what a legal entity's employee may do (.2.1 to .2.5). */
    public boolean isEmployeeRole() {
        return oid.on(KzOids.LEGAL_ENTITY_EMPLOYEE);
    }
}
