package kz.tirkeu.partner.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import kz.tirkeu.partner.PartnerProperties;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.platform.PlatformAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * With the sandbox on, the default run has a partner system to try: the sandbox's {@value #CLIENT_ID} (the dealer
 * «Есіл Моторс»'s own system, persona {@code dealer1-dms}), registered with the certificate the sandbox CA issued it,
 * fetched over HTTP like every other thing the server takes from the sandbox. Registered once the server is ready (the
 * sandbox answers only then), in the background; a sandbox that issued the persona a new key since (a new CA) has its
 * new certificate registered in place of the old.
 */
@Component
public class SandboxPartner {

    public static final String CLIENT_ID = "dealer1-dms";
    private static final Logger log = LoggerFactory.getLogger(SandboxPartner.class);

    private final PartnerProperties properties;
    private final PartnerRegistration registration;
    private final PartnerClients clients;
    private final PlatformAddresses addresses;

    SandboxPartner(PartnerProperties properties, PartnerRegistration registration, PartnerClients clients, PlatformAddresses addresses) {
        this.properties = properties;
        this.registration = registration;
        this.clients = clients;
        this.addresses = addresses;
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerWhenReady() {
        if (properties.sandboxPartner()) {
            Thread.ofVirtual().name("sandbox-partner").start(() -> {
                try {
                    register();
                } catch (RuntimeException e) {
                    log.warn("The sandbox's partner system {} could not be registered: {}", CLIENT_ID, e.getMessage());
                }
            });
        }
    }

    /** Registers (or brings up to date) the sandbox's partner system; returns it. */
    public PartnerClient register() {
        String pem = certificatePem();
        KzCertificate certificate = KzCertificate.of(Pem.readCertificate(pem.getBytes(StandardCharsets.US_ASCII)));
        Optional<PartnerClient> existing = clients.find(CLIENT_ID);
        if (existing.isPresent()) {
            if (!KzCertificate.of(existing.get().certificate()).serialHex().equals(certificate.serialHex())) {
                clients.replaceCertificate(CLIENT_ID, pem, certificate.serialHex());
                log.info("Sandbox partner system {}: its new certificate {} registered", CLIENT_ID, certificate.serialHex());
            }
            return clients.find(CLIENT_ID).orElseThrow();
        }
        PartnerClient client = registration.register(new PartnerRegistration.NewPartner(CLIENT_ID, certificate.bin().orElseThrow().value(),
                certificate.commonName(), pem, 600, "http://127.0.0.1:"), null);
        log.info("Sandbox partner system {} registered (BIN {}); its key is /sandbox/personas/{}/auth.p12", CLIENT_ID, client.bin().value(), CLIENT_ID);
        return client;
    }

    /** The system's certificate and the sandbox's intermediate CA, which a chain to the root needs (like NCALayer's CMS carries it). */
    private String certificatePem() {
        return fetch(addresses.stateSystem("/personas/" + CLIENT_ID + "/auth.pem")) + fetch(addresses.stateSystem("/ca/certs/intermediate.pem"));
    }

    private static String fetch(URI uri) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != HttpStatus.OK.value()) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
