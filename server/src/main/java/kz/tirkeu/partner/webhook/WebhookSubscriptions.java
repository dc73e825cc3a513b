package kz.tirkeu.partner.webhook;

import kz.tirkeu.platform.CannotServe;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.partner.client.CallbackAddresses;
import kz.tirkeu.partner.client.PartnerCaller;
import kz.tirkeu.partner.client.PartnerClients;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A partner's webhook subscriptions: an address under its registered prefix, and a secret it is shown once. */
@Service
class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LIVE = 10;

    record Webhook(UUID id, String clientId, String url, Instant createdAt, Optional<Instant> endedAt) {}

    /** A new subscription with its secret, the only time the secret is shown. */
    record Created(Webhook webhook, String secret) {}

    private final JdbcClient db;
    private final PartnerClients clients;
    private final CallbackAddresses addresses;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient db, PartnerClients clients, CallbackAddresses addresses, Clock clock) {
        this.db = db;
        this.clients = clients;
        this.addresses = addresses;
        this.clock = clock;
    }

    @Transactional
    Created subscribe(PartnerCaller partner, String requestedUrl) {
        String url = addresses.check(requestedUrl);
        addresses.requireUnder(url, clients.find(partner.clientId()).orElseThrow().webhookUrlPrefix());
        if (live(partner.clientId()).size() >= MAX_LIVE) {
            throw new CannotServe("WEBHOOKS_TOO_MANY", CannotServe.Reason.CONFLICT, "A partner system has at most " + MAX_LIVE + " webhooks; end one first.",
                    String.valueOf(MAX_LIVE));
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        int added = db.sql("""
                        insert into partner_webhook (id, client_id, url, secret, created_at) values (?, ?, ?, ?, ?)
                        on conflict (client_id, url) where ended_at is null do nothing""")
                .params(id, partner.clientId(), url, secret, now.atOffset(ZoneOffset.UTC)).update();
        if (added == 0) {
            throw new CannotServe("WEBHOOK_EXISTS", CannotServe.Reason.CONFLICT, "Your system already has a webhook to " + url + "; end it to subscribe anew.",
                    url);
        }
        return new Created(new Webhook(id, partner.clientId(), url, now, Optional.empty()), secret);
    }

    List<Webhook> live(String clientId) {
        return db.sql("select id, client_id, url, created_at, ended_at from partner_webhook where client_id = ? and ended_at is null order by created_at")
                .param(clientId).query((rs, n) -> new Webhook(rs.getObject("id", UUID.class), rs.getString("client_id"), rs.getString("url"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("ended_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
                .list();
    }

    /** Ends a subscription; what was still to be delivered to it is given up. */
    @Transactional
    void end(PartnerCaller partner, UUID webhookId) {
        Instant now = clock.instant();
        int ended = db.sql("update partner_webhook set ended_at = ? where id = ? and client_id = ? and ended_at is null")
                .params(now.atOffset(ZoneOffset.UTC), webhookId, partner.clientId()).update();
        if (ended == 0) {
            throw new CannotServe("WEBHOOK_UNKNOWN", CannotServe.Reason.NOT_FOUND, "Your system has no live webhook " + webhookId + ".", String.valueOf(webhookId));
        }
        db.sql("""
                        update partner_webhook_delivery set status = 'FAILED', failed_at = ?, next_attempt_at = null, claimed_by = null,
                               claimed_until = null, last_error = 'the webhook was ended'
                         where webhook_id = ? and status = 'PENDING'""")
                .params(now.atOffset(ZoneOffset.UTC), webhookId).update();
    }
}
