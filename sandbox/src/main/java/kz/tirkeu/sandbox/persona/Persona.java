package kz.tirkeu.sandbox.persona;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.mobile.MobileNumber;

/**
 * A test person (or the platform itself) with the certificates the НУЦ would give them.
 *
 * @param id          stable and readable, used in URLs and file names, e.g. {@code buyer-aidar}
 * @param description what the persona is for, in a few words
 * @param roles       the role OIDs written into the certificates' extended key usage
 * @param purposes    the keys the persona holds: people have AUTH and SIGN, the platform only SIGN
 * @param subject     the certificates' subject name
 * @param phone       the mobile number registered in МБГ, where one-time codes go; people have one
 *                    (but for one buyer, to test "no phone in МБГ"), the platform has none
 */
public record Persona(
        String id,
        PersonaKind kind,
        String displayName,
        String description,
        Optional<Iin> iin,
        Optional<Bin> bin,
        Optional<String> organisation,
        Set<KzRole> roles,
        List<KeyPurpose> purposes,
        SubjectSpec subject,
        Optional<MobileNumber> phone) {

    public Persona {
        roles = Set.copyOf(roles);
        purposes = List.copyOf(purposes);
    }

    /**
     * By id, which equal personas share: the generated hash would include the subject's X500Name, whose
     * cached hash BouncyCastle (1.83) marks filled before filling it, so threads issuing keys in
     * parallel could disagree on it and a map keyed by personas would lose entries.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    public boolean holds(KeyPurpose purpose) {
        return purposes.contains(purpose);
    }
}
