package kz.tirkeu.notification;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * The notification point, stored in PostgreSQL: a notice and its deliveries are written in one
 * transaction and sent by the {@link NotificationDispatcher}, so {@link #notify} returns at once and a
 * crash after it loses nothing.
 */
@Service
class StoredNotificationPoint implements NotificationPoint {

    static final String SIGN_IN_CODE = "sign-in.code";

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{4,12}");
    private static final String REDACTED = "••••••";

    private final NoticeStore notices;
    private final Deliveries deliveries;
    private final RecipientPreferences preferences;
    private final NoticeTemplates templates;
    private final NotificationDispatcher dispatcher;
    private final OneTimeCodeTexts codes;
    private final NotificationClock clock;
    private final NotificationProperties properties;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    StoredNotificationPoint(NoticeStore notices, Deliveries deliveries, RecipientPreferences preferences, NoticeTemplates templates,
                            NotificationDispatcher dispatcher, OneTimeCodeTexts codes, NotificationClock clock,
                            NotificationProperties properties, NotificationTransactions transactions, JsonMapper json) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.templates = templates;
        this.dispatcher = dispatcher;
        this.codes = codes;
        this.clock = clock;
        this.properties = properties;
        this.transaction = transactions.template();
        this.json = json;
    }

    /**
     * Stores the notice with an INBOX delivery (delivered: it is in the cabinet), an SMS delivery (the
     * phone is asked of МБГ when it is sent, not now) and, if the person gave an address, an EMAIL one.
     *
     * @throws IllegalArgumentException for an unknown template or missing parameters: a notice that could
     *                                  not be rendered is refused to its sender, not stored
     */
    @Override
    public NoticeId notify(NoticeRequest request) {
        templates.requireRenderableNotice(request.template(), request.parameters());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String parameters = json.writeValueAsString(request.parameters());
        transaction.executeWithoutResult(status -> {
            notices.insert(id, request.recipient(), request.template(), parameters, request.subjectReference(), now);
            deliveries.insert(new Deliveries.NewDelivery(UUID.randomUUID(), id, request.recipient(), Deliveries.Purpose.NOTICE,
                    Channel.INBOX, null, null, DeliveryStatus.DELIVERED, null, null, null, null, null,
                    "placed in the cabinet inbox"), now);
            deliveries.insert(new Deliveries.NewDelivery(UUID.randomUUID(), id, request.recipient(), Deliveries.Purpose.NOTICE,
                    Channel.SMS, null, null, DeliveryStatus.CREATED, now, null, null, null, null,
                    "to the phone МБГ holds for the person, looked up when sent"), now);
            preferences.of(request.recipient()).email().ifPresent(address ->
                    deliveries.insert(new Deliveries.NewDelivery(UUID.randomUUID(), id, request.recipient(), Deliveries.Purpose.NOTICE,
                            Channel.EMAIL, address, null, DeliveryStatus.CREATED, now, null, null, null, null,
                            "to the e-mail address the person gave"), now));
        });
        return new NoticeId(id);
    }

    /**
     * Tries the SMS once before returning; if the SMS centre is unavailable, this server retries it with
     * backoff within the send window ({@code tirkeu.notification.one-time-code.send-window}), holding the
     * code in memory only. The stored delivery has the text with the code blanked out.
     *
     * @param locale the language of the sign-in page; the person's chosen language if it is not kk, ru or en
     */
    @Override
    public DeliveryId sendOneTimeCode(Iin recipient, PhoneNumber phone, String code, Locale locale) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A one-time code is 4 to 12 letters or digits");
        }
        Language language = Language.of(locale).orElseGet(() -> preferences.languageOf(recipient));
        String text = templates.render(SIGN_IN_CODE, NoticeTemplates.Part.SMS, language, Map.of("code", code));
        String redacted = templates.render(SIGN_IN_CODE, NoticeTemplates.Part.SMS, language, Map.of("code", REDACTED));

        UUID id = UUID.randomUUID();
        UUID claim = UUID.randomUUID();
        Instant now = clock.instant();
        Instant heldUntil = now.plus(properties.oneTimeCode().sendWindow());
        // Held (only this server has the code) and claimed (no dispatcher takes it during the first try).
        deliveries.insert(new Deliveries.NewDelivery(id, null, recipient, Deliveries.Purpose.ONE_TIME_CODE, Channel.SMS,
                phone.e164(), redacted, DeliveryStatus.CREATED, now, claim, now.plus(properties.dispatcher().lease()),
                codes.holder(), heldUntil, "sign-in code to the phone МБГ holds for the person"), now);
        codes.hold(id, text, heldUntil, now);
        dispatcher.dispatchSafely(new Deliveries.Claimed(id, null, recipient, Deliveries.Purpose.ONE_TIME_CODE, Channel.SMS,
                phone.e164(), 0, 0, codes.holder(), heldUntil, claim));
        return new DeliveryId(id);
    }

    @Override
    public long codesSentTo(PhoneNumber phone, Instant since) {
        return deliveries.codesSentTo(phone.e164(), since);
    }
}
