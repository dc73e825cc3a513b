package kz.tirkeu.identity;

/**
 * What a person may do on the platform. BUYER and SELLER come from the certificate the person signed
 * in with; the staff roles are granted by an administrator, each with its scope.
 */
public enum Role {
    /** Any individual, signed in with their own (role 1.2.398.3.3.4.1.1) key. */
    BUYER(false),
    /** An employee of a legal entity, signed in with the entity's key; scope: the BIN. */
    SELLER(false),
    /** Works at one public service centre (ЦОН); scope: the PSC's code. */
    PSC_OPERATOR(true),
    /** Administrative police of one region; scope: the two-digit region code. */
    POLICE_OFFICER(true),
    /** Reads journals and reports; no scope. */
    AUDITOR(false),
    /**
     * An official of the body authorised for an experimental legal regime (Digital Code ch. 8): records its
     * decisions, each signed with their SIGN key; no scope.
     */
    REGIME_AUTHORITY(false),
    /** Grants and withdraws staff roles, keeps the catalogues; no scope. */
    ADMIN(false);

    private final boolean scoped;

    Role(boolean scoped) {
        this.scoped = scoped;
    }

    /** Whether a grant of this role must name what it is bound to (a PSC or a region). */
    public boolean isScoped() {
        return scoped;
    }

    public boolean isStaff() {
        return this != BUYER && this != SELLER;
    }
}
