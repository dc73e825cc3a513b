package kz.tirkeu.notification;

import kz.tirkeu.pki.InvalidInputException;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * The person's notices in the personal cabinet. The caller is the cabinet's REST layer, which passes the
 * IIN of the signed-in person (never one taken from the request): every method only ever touches that
 * person's notices. Opening a notice there is the one thing that marks it read (Digital Code Art. 47).
 */
@Service
public class Inbox {

    /** @param number from 0; @param size 1 to 100 */
    public record PageRequest(int number, int size) {
        public static final int MAX_SIZE = 100;

        public PageRequest {
            if (number < 0 || size < 1 || size > MAX_SIZE) {
                throw new InvalidInputException("A page is number ≥ 0 and size 1.." + MAX_SIZE);
            }
        }

        public static PageRequest first(int size) {
            return new PageRequest(0, size);
        }
    }

    /**
     * One notice, rendered in the person's language.
     *
     * @param subjectReference what it is about (an application number), for linking; may be null
     * @param readAt           when the person first opened it in the cabinet; empty while unread
     * @param deliveries       one per channel, INBOX first
     */
    public record Notice(NoticeId id, String template, String title, String body, @Schema(nullable = true) String subjectReference,
                         Instant createdAt, Optional<Instant> readAt, List<ChannelDelivery> deliveries) {

        public boolean read() {
            return readAt.isPresent();
        }
    }

    /**
     * How one channel fared: its status and when it last changed.
     *
     * @param to where it went, masked for a phone (+7 701 *** ** 67); empty for the inbox, for an SMS not
     *           yet looked up in МБГ, and for a withdrawn e-mail address
     */
    public record ChannelDelivery(Channel channel, DeliveryStatus status, Instant since, Optional<String> to) {}

    /** @param total all the person's notices; @param unread how many of them are not read yet */
    public record Page(List<Notice> notices, int number, int size, long total, long unread, Language language) {}

    /** The outcome of opening a notice. */
    public sealed interface MarkRead {
        /** Read now, for the first time. */
        record Marked(NoticeId id, Instant readAt) implements MarkRead {}

        /** It had been read before; the first time stays. */
        record AlreadyRead(NoticeId id, Instant readAt) implements MarkRead {}

        /** No such notice for this person: it does not exist, or it is someone else's (indistinguishably). */
        record NotFound(NoticeId id) implements MarkRead {}
    }

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {};

    private final NoticeStore notices;
    private final Deliveries deliveries;
    private final RecipientPreferences preferences;
    private final NoticeTemplates templates;
    private final NotificationClock clock;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    Inbox(NoticeStore notices, Deliveries deliveries, RecipientPreferences preferences, NoticeTemplates templates,
          NotificationClock clock, NotificationTransactions transactions, JdbcClient jdbc, JsonMapper json) {
        this.notices = notices;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.templates = templates;
        this.clock = clock;
        this.transaction = transactions.template();
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The person's notices, newest first, in their language. Listing does not mark anything read. */
    public Page list(Iin person, PageRequest page) {
        Language language = preferences.languageOf(person);
        NoticeStore.Counts counts = notices.counts(person);
        List<NoticeStore.StoredNotice> stored = notices.page(person, page.size(), (long) page.number() * page.size());
        Map<UUID, List<ChannelDelivery>> channels = channelsOf(stored.stream().map(NoticeStore.StoredNotice::id).toList());
        List<Notice> rendered = stored.stream()
                .map(notice -> render(notice, language, channels.getOrDefault(notice.id(), List.of())))
                .toList();
        return new Page(rendered, page.number(), page.size(), counts.total(), counts.unread(), language);
    }

    /** One of the person's notices, without marking it read; empty if it is not theirs. */
    public Optional<Notice> find(Iin person, NoticeId id) {
        Language language = preferences.languageOf(person);
        return notices.findOwn(id.value(), person)
                .map(notice -> render(notice, language, channelsOf(List.of(notice.id())).getOrDefault(notice.id(), List.of())));
    }

    /**
     * The person opened the notice in the cabinet. read_at is set the first time only; a notice of
     * someone else is {@link MarkRead.NotFound}, exactly like one that does not exist.
     */
    public MarkRead markRead(Iin person, NoticeId id) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            Optional<Instant> marked = notices.markRead(id.value(), person, now);
            if (marked.isPresent()) {
                deliveries.recordRead(id.value(), now);
                return new MarkRead.Marked(id, marked.get());
            }
            return notices.findOwn(id.value(), person)
                    .<MarkRead>map(notice -> new MarkRead.AlreadyRead(id, notice.readAt()))
                    .orElseGet(() -> new MarkRead.NotFound(id));
        });
    }

    private Notice render(NoticeStore.StoredNotice notice, Language language, List<ChannelDelivery> channels) {
        String title;
        String body;
        try {
            Map<String, String> parameters = json.readValue(notice.parametersJson(), PARAMETERS);
            title = templates.render(notice.template(), NoticeTemplates.Part.INBOX_TITLE, language, parameters);
            body = templates.render(notice.template(), NoticeTemplates.Part.INBOX_BODY, language, parameters);
        } catch (IllegalArgumentException | JacksonException e) {
            // A template withdrawn in a later version must not hide the notice: show what it was.
            title = notice.template();
            body = notice.subjectReference() == null ? "" : notice.subjectReference();
        }
        return new Notice(new NoticeId(notice.id()), notice.template(), title, body, notice.subjectReference(),
                notice.createdAt(), Optional.ofNullable(notice.readAt()), channels);
    }

    private record DeliveryRow(UUID noticeId, ChannelDelivery delivery) {}

    private Map<UUID, List<ChannelDelivery>> channelsOf(List<UUID> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                SELECT notice_id, channel, status, address, updated_at FROM deliveries
                 WHERE notice_id IN (:ids)
                """)
                .param("ids", noticeIds)
                .query((row, n) -> {
                    Channel channel = Channel.valueOf(row.getString("channel"));
                    return new DeliveryRow(row.getObject("notice_id", UUID.class), new ChannelDelivery(channel,
                            DeliveryStatus.valueOf(row.getString("status")), NotificationClock.instant(row, "updated_at"),
                            Optional.ofNullable(row.getString("address")).map(address -> shown(channel, address))));
                })
                .list()
                .stream()
                .collect(Collectors.groupingBy(DeliveryRow::noticeId, Collectors.collectingAndThen(
                        Collectors.mapping(DeliveryRow::delivery, Collectors.toList()),
                        list -> list.stream().sorted(Comparator.comparing(ChannelDelivery::channel)).toList())));
    }

    private static String shown(Channel channel, String address) {
        return channel == Channel.SMS ? new PhoneNumber(address).masked() : address;
    }
}
