package kz.tirkeu.pki.validation;

import java.util.Set;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;

/** Who the caller needs the signer to be. Checked against the certificate's IIN, BIN and role OIDs. */
public sealed interface ExpectedSigner {

    /** Anyone whose certificate chains to a trusted root (e.g. at sign-in, before the IIN is known). */
    record Anyone() implements ExpectedSigner {}

    /** An individual acting for themselves, with this IIN (role 1.2.398.3.3.4.1.1). */
    record Individual(Iin iin) implements ExpectedSigner {}

    /**
     * An employee of the legal entity with this BIN (role 1.2.398.3.3.4.1.2) holding at least one of
     * the accepted roles, e.g. first head or signing right.
     */
    record LegalEntitySigner(Bin bin, Set<KzRole> acceptedRoles) implements ExpectedSigner {
        public LegalEntitySigner {
            acceptedRoles = Set.copyOf(acceptedRoles);
        }
    }

    /** An organisation or information system with this BIN and no IIN (e.g. the platform's own seal). */
    record Organisation(Bin bin) implements ExpectedSigner {}

    static ExpectedSigner anyone() {
        return new Anyone();
    }

    static ExpectedSigner individual(Iin iin) {
        return new Individual(iin);
    }

    /** The default for a seller's signature: first head or a person with signing right (DOMAIN.md §5.6). */
    static ExpectedSigner withSigningRightFor(Bin bin) {
        return new LegalEntitySigner(bin, Set.of(KzRole.FIRST_HEAD, KzRole.SIGNING_RIGHT));
    }

    static ExpectedSigner organisation(Bin bin) {
        return new Organisation(bin);
    }
}
