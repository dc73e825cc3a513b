package kz.tirkeu.pki.cert;

/** Whose certificate it is, as the НУЦ tells them apart. */
public enum SubjectKind {
    /** A person acting for themselves: IIN, role 1.2.398.3.3.4.1.1. */
    INDIVIDUAL,
    /** A person acting for a legal entity: IIN and BIN, role 1.2.398.3.3.4.1.2.x. */
    LEGAL_ENTITY_EMPLOYEE,
    /** An information system or a legal entity itself: a BIN, no IIN. */
    ORGANISATION,
    /** Anything else, e.g. a CA, TSA or OCSP responder certificate. */
    OTHER
}
