package kz.tirkeu.notification;

import kz.tirkeu.platform.PlatformAddresses;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import kz.tirkeu.statesystems.MobileCitizensBase;
import kz.tirkeu.statesystems.MobileCitizensBase.PhoneLookup;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * Sends due SMS and e-mail deliveries: claims a batch under a lease, hands each message to its provider
 * in parallel, and records what happened: SENT, a retry with backoff, or FAILED. Durable: all state is
 * in PostgreSQL, so a restart loses nothing but the sign-in codes in memory; cluster-safe: dispatchers on
 * several servers never claim the same delivery. {@link DispatcherSchedule} calls {@link #dispatchDue()}
 * in the background; tests call it themselves.
 */
@Service
public class NotificationDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);
    private static final String RECEIPTS_PATH = "/api/v1/notifications/sms-receipts";
    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final Deliveries deliveries;
    private final NoticeStore notices;
    private final RecipientPreferences preferences;
    private final NoticeTemplates templates;
    private final ObjectProvider<MobileCitizensBase> mobileCitizensBase;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final OneTimeCodeTexts codes;
    private final NotificationClock clock;
    private final NotificationProperties properties;
    private final RetryPolicy retry;
    private final PlatformAddresses addresses;
    private final JsonMapper json;

    NotificationDispatcher(Deliveries deliveries, NoticeStore notices, RecipientPreferences preferences, NoticeTemplates templates,
                           ObjectProvider<MobileCitizensBase> mobileCitizensBase, SmsGateway sms, EmailGateway email,
                           OneTimeCodeTexts codes, NotificationClock clock, NotificationProperties properties,
                           PlatformAddresses addresses, JsonMapper json) {
        this.deliveries = deliveries;
        this.notices = notices;
        this.preferences = preferences;
        this.templates = templates;
        this.mobileCitizensBase = mobileCitizensBase;
        this.sms = sms;
        this.email = email;
        this.codes = codes;
        this.clock = clock;
        this.properties = properties;
        this.retry = new RetryPolicy(properties.retry());
        this.addresses = addresses;
        this.json = json;
    }

    /**
     * Claims the deliveries that are due now (at most one batch) and sends them; returns when all of them
     * have an outcome recorded.
     *
     * @return how many deliveries were claimed; fewer than the batch size means nothing else is due
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<Deliveries.Claimed> claimed = deliveries.claimDue(UUID.randomUUID(), codes.holder(), now,
                now.plus(properties.dispatcher().lease()), properties.dispatcher().batchSize());
        if (claimed.size() == 1) {
            dispatchSafely(claimed.getFirst());
        } else if (!claimed.isEmpty()) {
            // Each send mostly waits on the network; virtual threads make waiting on fifty of them cheap.
            try (ExecutorService parallel = Executors.newVirtualThreadPerTaskExecutor()) {
                claimed.forEach(delivery -> parallel.submit(() -> dispatchSafely(delivery)));
            }
        }
        return claimed.size();
    }

    /** Sends one delivery this server already holds the lease on (also the first, immediate try of a sign-in code). */
    void dispatchSafely(Deliveries.Claimed delivery) {
        try {
            dispatch(delivery);
        } catch (RuntimeException e) {
            // A bug or a broken row must not stop the batch, nor retry forever: it costs an attempt.
            log.error("Delivery {} could not be dispatched", delivery.id(), e);
            record(delivery, null, null, new SendOutcome.Unavailable("internal error: " + e.getClass().getSimpleName()));
        }
    }

    private void dispatch(Deliveries.Claimed delivery) {
        Instant now = clock.instant();
        switch (delivery.purpose()) {
            case ONE_TIME_CODE -> dispatchCode(delivery, now);
            case NOTICE -> {
                switch (delivery.channel()) {
                    case SMS -> dispatchNoticeSms(delivery);
                    case EMAIL -> dispatchNoticeEmail(delivery);
                    case INBOX -> deliveries.markFailed(delivery, false, null, "an inbox delivery is never dispatched", now);
                }
            }
        }
    }

    private void dispatchCode(Deliveries.Claimed delivery, Instant now) {
        if (delivery.heldUntil() == null || now.isAfter(delivery.heldUntil())) {
            codes.forget(delivery.id());
            deliveries.markFailed(delivery, false, null, "the sign-in code could not be sent within its send window", now);
            return;
        }
        var text = codes.text(delivery.id(), now);
        if (text.isEmpty() || !codes.holder().equals(delivery.heldBy())) {
            deliveries.markFailed(delivery, false, null,
                    "the sign-in code was kept only in the memory of the server that was asked to send it, and is gone", now);
            return;
        }
        PhoneNumber phone = new PhoneNumber(delivery.address());
        SendOutcome outcome = sms.send(new SmsGateway.OutgoingSms(phone, text.get(), delivery.id().toString(), receiptCallback()));
        record(delivery, phone.e164(), null, outcome);
    }

    private void dispatchNoticeSms(Deliveries.Claimed delivery) {
        PhoneLookup lookup = registeredPhone(delivery);
        switch (lookup) {
            case PhoneLookup.Unavailable unavailable -> defer(delivery, null, "МБГ unavailable: " + unavailable.why());
            case PhoneLookup.NotRegistered notRegistered ->
                    deliveries.markFailed(delivery, false, null, "МБГ holds no phone number for the person", clock.instant());
            case PhoneLookup.Registered registered -> {
                NoticeStore.StoredNotice notice = notices.find(delivery.noticeId());
                String text = templates.render(notice.template(), NoticeTemplates.Part.SMS,
                        preferences.languageOf(delivery.recipient()), parameters(notice));
                SendOutcome outcome = sms.send(new SmsGateway.OutgoingSms(registered.phone(), text,
                        delivery.id().toString(), receiptCallback()));
                record(delivery, registered.phone().e164(), text, outcome);
            }
        }
    }

    /** МБГ is asked at each try, so a number changed since the notice was made is the one used. */
    private PhoneLookup registeredPhone(Deliveries.Claimed delivery) {
        MobileCitizensBase mbg = mobileCitizensBase.getIfAvailable();
        if (mbg == null) {
            return new PhoneLookup.Unavailable("no МБГ adapter is configured in this server");
        }
        try {
            PhoneLookup lookup = mbg.registeredPhone(delivery.recipient());
            return lookup == null ? new PhoneLookup.Unavailable("МБГ gave no answer") : lookup;
        } catch (RuntimeException e) {
            // Unavailable is not "no phone": an adapter that throws has not answered.
            return new PhoneLookup.Unavailable(e.getClass().getSimpleName());
        }
    }

    private void dispatchNoticeEmail(Deliveries.Claimed delivery) {
        if (delivery.address() == null) {
            deliveries.markFailed(delivery, false, null, "the person withdrew the e-mail address", clock.instant());
            return;
        }
        NoticeStore.StoredNotice notice = notices.find(delivery.noticeId());
        NoticeTemplates.Email message = templates.renderEmail(notice.template(),
                preferences.languageOf(delivery.recipient()), parameters(notice));
        SendOutcome outcome = email.send(new EmailGateway.OutgoingEmail(delivery.address(), message.subject(),
                message.body(), delivery.id().toString()));
        record(delivery, null, message.subject() + "\n\n" + message.body(), outcome);
    }

    private void record(Deliveries.Claimed delivery, String address, String content, SendOutcome outcome) {
        Instant now = clock.instant();
        boolean recorded = switch (outcome) {
            case SendOutcome.Accepted accepted -> deliveries.markSent(delivery, address, content, accepted.providerMessageId(), now,
                    delivery.channel() == Channel.SMS
                            ? "accepted by the SMS centre" + (accepted.providerMessageId() == null ? "" : " as " + accepted.providerMessageId())
                            // SMTP ends here: there is no delivery receipt for plain SMTP.
                            : "accepted by the SMTP server; SMTP reports no delivery");
            case SendOutcome.Rejected rejected -> deliveries.markFailed(delivery, true, address, rejected.reason(), now);
            case SendOutcome.Unavailable unavailable -> {
                int attempts = delivery.attempts() + 1;
                if (retry.exhausted(attempts)) {
                    yield deliveries.markFailed(delivery, true, address,
                            "gave up after " + attempts + " attempts; last: " + unavailable.reason(), now);
                }
                yield retryOrGiveUp(delivery, true, address, unavailable.reason(), now.plus(retry.delayAfter(attempts)), now);
            }
            case SendOutcome.HeldBack heldBack -> {
                defer(delivery, address, heldBack.reason());
                yield true;
            }
        };
        if (!recorded) {
            log.warn("Delivery {} changed while it was being sent (lease lost or receipt first); its outcome {} was not recorded",
                    delivery.id(), outcome.getClass().getSimpleName());
        }
        if (delivery.purpose() == Deliveries.Purpose.ONE_TIME_CODE
                && !(outcome instanceof SendOutcome.Unavailable) && !(outcome instanceof SendOutcome.HeldBack)) {
            codes.forget(delivery.id());
        }
    }

    /** Waiting for something that is not the channel's fault never uses up attempts, so never fails a delivery. */
    private void defer(Deliveries.Claimed delivery, String address, String reason) {
        Instant now = clock.instant();
        Duration wait = retry.delayAfter(delivery.deferrals() + 1);
        retryOrGiveUp(delivery, false, address, reason, now.plus(wait), now);
    }

    /** A sign-in code is retried only while its send window lasts. */
    private boolean retryOrGiveUp(Deliveries.Claimed delivery, boolean attempt, String address, String reason, Instant next, Instant now) {
        if (delivery.purpose() == Deliveries.Purpose.ONE_TIME_CODE && delivery.heldUntil() != null && next.isAfter(delivery.heldUntil())) {
            next = delivery.heldUntil();
            if (!next.isAfter(now)) {
                codes.forget(delivery.id());
                return deliveries.markFailed(delivery, attempt, address,
                        "the sign-in code could not be sent within its send window; last: " + reason, now);
            }
        }
        return deliveries.scheduleRetry(delivery, attempt, address, reason, next, now);
    }

    private Map<String, String> parameters(NoticeStore.StoredNotice notice) {
        return json.readValue(notice.parametersJson(), PARAMETERS);
    }

    URI receiptCallback() {
        URI configured = properties.sms().callbackUrl();
        return configured != null ? configured : java.net.URI.create(addresses.publicBase() + RECEIPTS_PATH);
    }
}
