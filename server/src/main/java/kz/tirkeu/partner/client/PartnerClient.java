package kz.tirkeu.partner.client;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.identity.Bin;

/**
 * A registered partner system (a dealer's system, a bank's app): a machine client of the platform's API.
 *
 * @param certificateChain  the system's certificate first, then any intermediate CA certificates registered with it
 * @param webhookUrlPrefix  where its webhooks may be sent: a subscription's address must begin with this
 */
public record PartnerClient(String clientId, Bin bin, String name, List<X509Certificate> certificateChain, int requestsPerMinute,
                            Optional<String> webhookUrlPrefix, Instant registeredAt, Optional<Instant> disabledAt) {

    public PartnerClient {
        certificateChain = List.copyOf(certificateChain);
    }

    public X509Certificate certificate() {
        return certificateChain.getFirst();
    }

    public boolean enabled() {
        return disabledAt.isEmpty();
    }
}
