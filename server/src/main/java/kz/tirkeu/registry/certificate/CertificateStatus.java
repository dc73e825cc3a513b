package kz.tirkeu.registry.certificate;

/** Where a certificate stands: only a VALID one proves the registration today. */
public enum CertificateStatus {
    VALID,
    /** cancelled, e.g. the registration was found unlawful or the vehicle was deregistered */
    ANNULLED,
    /** superseded by a new certificate (a change of owner, plate or data) */
    REPLACED
}
