package kz.tirkeu.security.fuzz;

/** Who a fuzzed request comes from: nobody, or a sandbox persona signed in once for the whole run. */
enum Persona {
    ANONYMOUS(null),
    BUYER("buyer-aidar"),
    SELLER("dealer1-manager"),
    OFFICER("staff-police-officer"),
    PSC_OPERATOR("staff-psc-operator"),
    ADMIN("staff-admin");

    final String sandboxId;

    Persona(String sandboxId) {
        this.sandboxId = sandboxId;
    }
}
