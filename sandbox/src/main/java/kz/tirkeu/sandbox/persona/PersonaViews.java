package kz.tirkeu.sandbox.persona;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import kz.tirkeu.pki.ca.Revocation;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.ca.RevocationReason;

/** The JSON a tester reads at {@code GET /sandbox/personas}: who is there, and where each key is. */
final class PersonaViews {

    private final Personas personas;
    private final SandboxAddress address;
    private final Clock clock;
    private final Function<String, List<IdentityDocument>> identityDocuments;

    PersonaViews(Personas personas, SandboxAddress address, Clock clock, Function<String, List<IdentityDocument>> identityDocuments) {
        this.personas = personas;
        this.address = address;
        this.clock = clock;
        this.identityDocuments = identityDocuments;
    }

    record Catalogue(String ca, List<PersonaView> personas) {}

    /**
     * @param phone             the number МБГ holds for the person, where SMS codes go; absent for the platform and one buyer
     * @param identityDocuments the person's documents in ГБД ФЛ (the first is the one the PSC sees and the digital documents
     *                          service shares); absent for the platform, which is no person
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PersonaView(String id, PersonaKind kind, String displayName, String description, String iin, String bin,
                       String organisation, String phone, List<IdentityDocument> identityDocuments, List<RoleView> roles, List<KeyView> keys) {}

    record RoleView(KzRole role, String oid) {}

    /**
     * @param status     good, revoked or expired
     * @param pkcs12     where to download the key file, opened with {@code password}
     * @param revocation POST here to revoke the certificate; {@code renewal} to get a new key
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record KeyView(KeyPurpose purpose, String serial, String subject, Instant notBefore, Instant notAfter, String status,
                   Instant revokedAt, String revocationReason, String pkcs12, String certificate, String password,
                   String revocation, String renewal) {}

    Catalogue catalogue() {
        return new Catalogue(address.resolve("/ca").toString(), personas.all().stream().map(this::persona).toList());
    }

    PersonaView persona(Persona persona) {
        List<KeyView> keys = persona.purposes().stream()
                .flatMap(purpose -> personas.key(persona, purpose).stream())
                .map(this::key)
                .toList();
        List<RoleView> roles = persona.roles().stream()
                .sorted(Comparator.naturalOrder())
                .map(role -> new RoleView(role, role.oid().getId()))
                .toList();
        return new PersonaView(persona.id(), persona.kind(), persona.displayName(), persona.description(),
                persona.iin().map(Iin::value).orElse(null), persona.bin().map(Bin::value).orElse(null),
                persona.organisation().orElse(null), persona.phone().map(MobileNumber::e164).orElse(null),
                persona.iin().map(iin -> List.copyOf(identityDocuments.apply(iin.value()))).orElse(null), roles, keys);
    }

    KeyView key(PersonaKey key) {
        KzCertificate certificate = KzCertificate.of(key.certificate());
        Optional<Revocation> revocation = personas.revocationOf(key);
        String status = revocation.isPresent() ? "revoked" : certificate.notAfter().isBefore(clock.instant()) ? "expired" : "good";
        String base = address.resolve("/personas/" + key.persona().id() + "/" + key.fileStem()).toString();
        return new KeyView(key.purpose(), certificate.serialHex(), certificate.subjectDn(), certificate.notBefore(), certificate.notAfter(),
                status,
                revocation.map(Revocation::revokedAt).orElse(null),
                revocation.map(r -> RevocationReason.ofCode(r.reason()).map(RevocationReason::rfcName).orElse(String.valueOf(r.reason()))).orElse(null),
                base + ".p12", base + ".pem", PersonaKeyFiles.PASSWORD, base + "/revocation", base + "/renewal");
    }
}
