package kz.tirkeu.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.PaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's confirmations. Verified by its HMAC; then its invoice, application and amount must be the ones on
 * record, and the gateway itself, asked again, must say the same: a callback alone — forged with a leaked secret, or
 * replayed onto another invoice — never moves an application on, and a mismatch is a security event that leaves the
 * applicant's application as it was. Counted once per invoice, so a late or repeated callback changes nothing twice.
 */
@Service
public class PaymentCallbacks {

    /** Security events go to their own logger, so that operators can route and alert on them. */
    private static final Logger SECURITY = LoggerFactory.getLogger("kz.tirkeu.security");

    public enum Outcome { RECORDED, ALREADY_RECORDED }

    private final PaymentGateway gateway;
    private final JdbcClient db;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final byte[] secret;
    private final JsonMapper json = JsonMapper.builder().build();

    PaymentCallbacks(PaymentGateway gateway, JdbcClient db, TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock,
                     PaymentProperties properties) {
        this.gateway = gateway;
        this.db = db;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.secret = properties.callbackSecret().getBytes(StandardCharsets.UTF_8);
    }

    public Outcome receive(byte[] body, String signatureHeader) {
        if (signatureHeader == null || !MessageDigest.isEqual(("sha256=" + hmac(body)).getBytes(StandardCharsets.US_ASCII),
                signatureHeader.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new PaymentRefused("CALLBACK_SIGNATURE_INVALID", CannotServe.Reason.NOT_AUTHENTICATED, "The callback's signature does not verify.");
        }
        JsonNode callback = json.readTree(body);
        String invoiceId = callback.path("invoiceId").asString();
        String paymentId = callback.path("paymentId").asString();
        String status = callback.path("status").asString();
        OnRecord onRecord = onRecord(invoiceId).orElseThrow(() ->
                new PaymentRefused("INVOICE_UNKNOWN", CannotServe.Reason.NOT_FOUND, "No invoice " + invoiceId + ".", invoiceId));
        if (!callback.path("amountKzt").canConvertToLong() || callback.path("amountKzt").asLong() != onRecord.amountKzt()
                || (callback.has("reference") && !onRecord.reference().equals(callback.path("reference").asString()))) {
            throw mismatch(invoiceId, "the callback says " + callback.path("amountKzt") + " KZT for " + callback.path("reference")
                    + "; the invoice is " + onRecord.amountKzt() + " KZT for " + onRecord.reference());
        }
        confirmWithTheGateway(invoiceId, status, onRecord.amountKzt());
        return record(invoiceId, paymentId, status);
    }

    /**
     * Records the gateway's word on an invoice once: the first confirmation moves it from PENDING and is announced, in
     * this transaction, as {@link PaymentRecorded}; a later one (a repeated callback, or reconciliation and a callback
     * crossing) changes nothing.
     */
    Outcome record(String invoiceId, String paymentId, String status) {
        OnRecord onRecord = onRecord(invoiceId).orElseThrow();
        return transaction.execute(tx -> {
            int changed = db.sql("update payment_invoice set status = ?, payment_id = ?, paid_at = ? where invoice_id = ? and status = 'PENDING'")
                    .params(status, paymentId, clock.instant().atOffset(ZoneOffset.UTC), invoiceId).update();
            if (changed == 0) {
                return Outcome.ALREADY_RECORDED;
            }
            // In this transaction: the application moves on with the payment recorded, or neither happens.
            events.publishEvent(new PaymentRecorded(onRecord.applicationId(), onRecord.reference(), invoiceId, paymentId, onRecord.amountKzt(), status));
            return Outcome.RECORDED;
        });
    }

    private record OnRecord(UUID applicationId, String reference, long amountKzt) {}

    private Optional<OnRecord> onRecord(String invoiceId) {
        return db.sql("select application_id, reference, amount_kzt from payment_invoice where invoice_id = ?").param(invoiceId)
                .query((rs, n) -> new OnRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3))).optional();
    }

    /** Asked again over the platform's own connection to the gateway (network: before the transaction). */
    private void confirmWithTheGateway(String invoiceId, String status, long amountKzt) {
        switch (gateway.invoice(invoiceId)) {
            case Answer.Found<PaymentGateway.Invoice> found when found.value().status().equals(status) && found.value().amountKzt() == amountKzt -> { }
            case Answer.Found<PaymentGateway.Invoice> found -> throw mismatch(invoiceId, "the gateway says " + found.value().status() + " for "
                    + found.value().amountKzt() + " KZT; the callback said " + status);
            case Answer.NotFound<PaymentGateway.Invoice> none -> throw mismatch(invoiceId, "the gateway knows no such invoice");
            case Answer.Unavailable<PaymentGateway.Invoice> down -> throw new PaymentRefused("PAYMENT_GATEWAY_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The payment cannot be confirmed with the gateway right now; send the callback again later.").situation("callback");
        }
    }

    /** A callback that does not match the invoice or the gateway: logged for the security team, refused, nothing stored. */
    private static PaymentRefused mismatch(String invoiceId, String what) {
        SECURITY.warn("Payment callback for invoice {} refused: {}", invoiceId, what);
        return new PaymentRefused("CALLBACK_NOT_CONFIRMED", CannotServe.Reason.CONFLICT,
                "The callback does not match the invoice or what the gateway confirms; nothing was recorded.");
    }

    private String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
