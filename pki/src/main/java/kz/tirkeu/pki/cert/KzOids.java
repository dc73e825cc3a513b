package kz.tirkeu.pki.cert;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/** Object identifiers used by the national certification authority (НУЦ РК) in its certificates. */
public final class KzOids {
    private KzOids() {}

    /** Arc of the НУЦ's role policies, put in the extended key usage of every certificate. */
    public static final ASN1ObjectIdentifier ROLE_ARC = new ASN1ObjectIdentifier("1.2.398.3.3.4.1");
    public static final ASN1ObjectIdentifier INDIVIDUAL = ROLE_ARC.branch("1");
    public static final ASN1ObjectIdentifier LEGAL_ENTITY_EMPLOYEE = ROLE_ARC.branch("2");
    public static final ASN1ObjectIdentifier FIRST_HEAD = LEGAL_ENTITY_EMPLOYEE.branch("1");
    public static final ASN1ObjectIdentifier SIGNING_RIGHT = LEGAL_ENTITY_EMPLOYEE.branch("2");
    public static final ASN1ObjectIdentifier FINANCIAL_SIGNING_RIGHT = LEGAL_ENTITY_EMPLOYEE.branch("3");
    public static final ASN1ObjectIdentifier HR = LEGAL_ENTITY_EMPLOYEE.branch("4");
    public static final ASN1ObjectIdentifier EMPLOYEE = LEGAL_ENTITY_EMPLOYEE.branch("5");

    /** GOST R 34.10-2015 signature algorithms (need the national provider; see SignatureAlgorithm). */
    public static final ASN1ObjectIdentifier GOST_2015_256 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.3.1");
    public static final ASN1ObjectIdentifier GOST_2015_512 = new ASN1ObjectIdentifier("1.2.398.3.10.1.1.2.3.2");

    /** Prefix of the subject's SERIALNUMBER attribute for a person, and of OU for an organisation. */
    public static final String IIN_PREFIX = "IIN";
    public static final String BIN_PREFIX = "BIN";
}
