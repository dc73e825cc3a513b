package kz.tirkeu.sandbox.persona;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import kz.tirkeu.pki.ca.Revocation;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.sandbox.ca.RevocationReason;
import kz.tirkeu.sandbox.ca.SandboxCa;
import org.bouncycastle.asn1.x500.X500Name;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The personas of the {@link PersonaCatalogue} with their keys. The key files are kept across
 * restarts; one is issued afresh when it is missing, expired, or no longer fits: issued by an earlier
 * CA (the sandbox moved) or for a subject the catalogue has since changed.
 */
public final class Personas {

    private static final Logger log = LoggerFactory.getLogger(Personas.class);

    private final PersonaCatalogue catalogue;
    private final SandboxCa ca;
    private final PersonaKeyFiles files;
    private final Clock clock;
    private final Object lock = new Object();
    /** Persona id → its keys; replaced as a whole on renewal, so readers never see half a change. */
    private volatile Map<String, Map<KeyPurpose, PersonaKey>> keys;

    public Personas(PersonaCatalogue catalogue, SandboxCa ca, Path dir, Clock clock) {
        this.catalogue = catalogue;
        this.ca = ca;
        this.files = new PersonaKeyFiles(dir);
        this.clock = clock;
    }

    public List<Persona> all() {
        return catalogue.personas();
    }

    public Optional<Persona> find(String id) {
        return catalogue.find(id);
    }

    /** The persona's current key of that purpose; empty when the persona holds none (the platform has no AUTH key). */
    public Optional<PersonaKey> key(Persona persona, KeyPurpose purpose) {
        return Optional.ofNullable(keys().get(persona.id()).get(purpose));
    }

    public Optional<Revocation> revocationOf(PersonaKey key) {
        return ca.revocationOf(key.certificate());
    }

    /** Revokes the key's certificate now; OCSP and the CRL show it at once, and it stays revoked after a restart. */
    public Revocation revoke(PersonaKey key, RevocationReason reason) {
        return ca.revoke(key.certificate(), reason);
    }

    /**
     * Issues the persona a new key and certificate in place of the current one, which is revoked as
     * superseded unless it already was: the tester's way back after revoking, and there is never more
     * than one live key per persona and purpose.
     */
    public PersonaKey renew(Persona persona, KeyPurpose purpose) {
        synchronized (lock) {
            Map<String, Map<KeyPurpose, PersonaKey>> updated = new HashMap<>(keys());
            Map<KeyPurpose, PersonaKey> ofPersona = new LinkedHashMap<>(updated.get(persona.id()));
            PersonaKey current = ofPersona.get(purpose);
            if (current == null) {
                throw new IllegalArgumentException(persona.id() + " holds no " + purpose + " key");
            }
            PersonaKey renewed = issue(persona, purpose);
            ofPersona.put(purpose, renewed);
            updated.put(persona.id(), Map.copyOf(ofPersona));
            keys = Map.copyOf(updated);
            if (ca.revocationOf(current.certificate()).isEmpty()) {
                ca.revoke(current.certificate(), RevocationReason.SUPERSEDED);
            }
            return renewed;
        }
    }

    private Map<String, Map<KeyPurpose, PersonaKey>> keys() {
        Map<String, Map<KeyPurpose, PersonaKey>> loaded = keys;
        if (loaded == null) {
            synchronized (lock) {
                if (keys == null) {
                    keys = load();
                }
                loaded = keys;
            }
        }
        return loaded;
    }

    /** Opens the CA and loads or issues every persona's keys now rather than on the first request. */
    public void prepare() {
        keys();
    }

    private Map<String, Map<KeyPurpose, PersonaKey>> load() {
        ca.hierarchy();
        AtomicInteger issued = new AtomicInteger();
        // In parallel: an RSA key takes from 0.2 s to over a second to generate, and a fresh sandbox needs over thirty.
        Map<Slot, PersonaKey> loaded = catalogue.personas().stream()
                .flatMap(persona -> persona.purposes().stream().map(purpose -> new Slot(persona.id(), purpose)))
                .toList()
                .parallelStream()
                .collect(Collectors.toConcurrentMap(slot -> slot, slot -> {
                    Persona persona = catalogue.find(slot.personaId()).orElseThrow();
                    return usableSavedKey(persona, slot.purpose()).orElseGet(() -> {
                        issued.incrementAndGet();
                        return issue(persona, slot.purpose());
                    });
                }));
        Map<String, Map<KeyPurpose, PersonaKey>> all = new HashMap<>();
        for (Persona persona : catalogue.personas()) {
            Map<KeyPurpose, PersonaKey> ofPersona = new LinkedHashMap<>();
            persona.purposes().forEach(purpose -> ofPersona.put(purpose, loaded.get(new Slot(persona.id(), purpose))));
            all.put(persona.id(), Map.copyOf(ofPersona));
        }
        log.info("Sandbox personas ready: {} keys kept from disk, {} issued", loaded.size() - issued.get(), issued.get());
        return Map.copyOf(all);
    }

    /** One key to load or issue; by persona id, the persona's identity (see {@link Persona#hashCode()}). */
    private record Slot(String personaId, KeyPurpose purpose) {}

    private PersonaKey issue(Persona persona, KeyPurpose purpose) {
        return files.write(persona, purpose, ca.issue(persona.subject(), purpose, persona.roles()));
    }

    private Optional<PersonaKey> usableSavedKey(Persona persona, KeyPurpose purpose) {
        Optional<byte[]> pkcs12 = files.read(persona, purpose);
        if (pkcs12.isEmpty()) {
            return Optional.empty();
        }
        SigningCredential credential;
        try {
            credential = PersonaKeyFiles.open(pkcs12.get());
        } catch (IllegalArgumentException e) {
            log.warn("The {} key file of {} cannot be opened ({}); issuing a new one", purpose, persona.id(), e.getMessage());
            return Optional.empty();
        }
        return fits(persona, purpose, credential.certificate())
                ? Optional.of(new PersonaKey(persona, purpose, credential, pkcs12.get()))
                : Optional.empty();
    }

    private boolean fits(Persona persona, KeyPurpose purpose, X509Certificate certificate) {
        KzCertificate kz = KzCertificate.of(certificate);
        return ca.hasIssued(certificate)
                && X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()).equals(persona.subject().name())
                && kz.roles().equals(persona.roles())
                && kz.purpose() == purpose
                && kz.notAfter().isAfter(clock.instant());
    }
}
