package kz.tirkeu.partner.client;

import kz.tirkeu.platform.CannotServe;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** The platform administrator registers partner systems and disables them. */
@Service
public class PartnerRegistration {

    private static final int MAX_PEM = 64 * 1024;

    private final PartnerClients clients;
    private final SystemCertificates certificates;
    private final CallbackAddresses addresses;
    private final Clock clock;

    PartnerRegistration(PartnerClients clients, SystemCertificates certificates, CallbackAddresses addresses, Clock clock) {
        this.clients = clients;
        this.certificates = certificates;
        this.addresses = addresses;
        this.clock = clock;
    }

    public record NewPartner(String clientId, String bin, String name, String certificatePem, Integer requestsPerMinute, String webhookUrlPrefix) {}

    /**
     * Registers a partner system after checking its certificate as a token request will: an organisation's AUTH
     * certificate for this BIN, from an accredited CA, not revoked.
     */
    public PartnerClient register(NewPartner request, String by) {
        if (request.clientId() == null || !request.clientId().matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw new CannotServe("PARTNER_CLIENT_ID_INVALID", CannotServe.Reason.INVALID, "A client id is 3 to 64 lower-case letters, digits and hyphens, starting with a letter or digit.");
        }
        if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
            throw new CannotServe("PARTNER_NAME_INVALID", CannotServe.Reason.INVALID, "Send the partner system's name (at most 200 characters).");
        }
        if (request.requestsPerMinute() == null || request.requestsPerMinute() < 1 || request.requestsPerMinute() > 100_000) {
            throw new CannotServe("PARTNER_RATE_LIMIT_INVALID", CannotServe.Reason.INVALID, "Send requestsPerMinute, from 1 to 100000.");
        }
        Bin bin;
        try {
            bin = Bin.of(String.valueOf(request.bin()));
        } catch (InvalidIdentifierException e) {
            throw new CannotServe("BIN_INVALID", CannotServe.Reason.INVALID, "Send the partner organisation's BIN: twelve digits with a valid check digit.");
        }
        if (request.certificatePem() == null || request.certificatePem().length() > MAX_PEM) {
            throw new CannotServe("CERTIFICATE_INVALID", CannotServe.Reason.INVALID,
                    "Send the system certificate as PEM (the system's certificate first, then any intermediate CA certificates).").situation("missing");
        }
        List<X509Certificate> chain;
        try {
            chain = Pem.readCertificates(request.certificatePem().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new CannotServe("CERTIFICATE_INVALID", CannotServe.Reason.INVALID, "The certificate is not PEM: " + e.getMessage(), e.getMessage())
                    .situation("notPem");
        }
        KzCertificate system = KzCertificate.of(chain.getFirst());
        if (!system.bin().equals(Optional.of(bin))) {
            throw new CannotServe("CERTIFICATE_NOT_OF_PARTNER", CannotServe.Reason.UNPROCESSABLE,
                    "The certificate is of BIN " + system.bin().map(Bin::value).orElse("(none)") + ", not of the partner's BIN " + bin.value() + ".",
                    system.bin().map(Bin::value).orElse("—"), bin.value());
        }
        certificates.check(chain, bin, HttpStatus.UNPROCESSABLE_CONTENT);
        Optional<String> prefix = Optional.ofNullable(request.webhookUrlPrefix()).filter(p -> !p.isBlank()).map(addresses::check);
        PartnerClient client = new PartnerClient(request.clientId(), bin, request.name().strip(), chain, request.requestsPerMinute(), prefix,
                clock.instant(), Optional.empty());
        String pem = String.join("", chain.stream().map(Pem::write).toList());
        if (!clients.add(client, pem, by)) {
            throw new CannotServe("PARTNER_EXISTS", CannotServe.Reason.CONFLICT, "A partner system with client id " + request.clientId() + " is already registered.",
                    request.clientId());
        }
        return client;
    }

    public PartnerClient disable(String clientId, String by) {
        PartnerClient client = clients.find(clientId).orElseThrow(() -> unknown(clientId));
        if (client.enabled()) {
            clients.disable(clientId, by, clock.instant());
        }
        return clients.find(clientId).orElseThrow();
    }

    public static CannotServe unknown(String clientId) {
        return new CannotServe("PARTNER_UNKNOWN", CannotServe.Reason.NOT_FOUND, "No partner system with client id " + clientId + " is registered.", clientId);
    }

}
