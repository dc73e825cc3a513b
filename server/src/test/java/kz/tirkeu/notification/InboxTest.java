package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/** The cabinet's view: notices in the person's language with their delivery statuses, and "read" only on opening. */
class InboxTest extends NotificationTestSupport {

    @Test
    void theInboxListsTheNoticesNewestFirstInThePersonsLanguageWithEachChannelsStatus() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        preferences.chooseLanguage(buyer, Language.EN);
        NoticeId older = notifyAwaitingConsent(buyer, "TK-100");
        advance(Duration.ofMinutes(1));
        NoticeId newer = notifyAwaitingConsent(buyer, "TK-200");
        dispatchUntilIdle();

        Inbox.Page page = inbox.list(buyer, Inbox.PageRequest.first(10));

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.unread()).isEqualTo(2);
        assertThat(page.language()).isEqualTo(Language.EN);
        assertThat(page.notices()).extracting(Inbox.Notice::id).containsExactly(newer, older);
        Inbox.Notice first = page.notices().getFirst();
        assertThat(first.title()).isEqualTo("Application TK-200 awaits your consent");
        assertThat(first.body()).startsWith("Astana Motors LLP has applied to register Chevrolet Cobalt 2026 in your name");
        assertThat(first.subjectReference()).isEqualTo("TK-200");
        assertThat(first.read()).isFalse();
        assertThat(first.deliveries()).extracting(Inbox.ChannelDelivery::channel, Inbox.ChannelDelivery::status)
                .containsExactly(
                        tuple(Channel.INBOX, DeliveryStatus.DELIVERED),
                        tuple(Channel.SMS, DeliveryStatus.SENT));
        assertThat(first.deliveries().get(1).to()).contains(phone.masked());

        preferences.chooseLanguage(buyer, Language.KK);
        assertThat(inbox.list(buyer, Inbox.PageRequest.first(10)).notices().getFirst().title())
                .isEqualTo("TK-200 өтініші келісіміңізді күтеді");
    }

    @Test
    void theInboxIsPaged() {
        Iin buyer = newPerson();
        for (int i = 1; i <= 3; i++) {
            notifyAwaitingConsent(buyer, "TK-" + i);
            advance(Duration.ofSeconds(1));
        }

        Inbox.Page first = inbox.list(buyer, new Inbox.PageRequest(0, 2));
        Inbox.Page second = inbox.list(buyer, new Inbox.PageRequest(1, 2));

        assertThat(first.notices()).extracting(Inbox.Notice::subjectReference).containsExactly("TK-3", "TK-2");
        assertThat(second.notices()).extracting(Inbox.Notice::subjectReference).containsExactly("TK-1");
        assertThat(second.total()).isEqualTo(3);
        assertThatThrownBy(() -> new Inbox.PageRequest(0, 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listingANoticeDoesNotMarkItRead() {
        Iin buyer = newPerson();
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        inbox.list(buyer, Inbox.PageRequest.first(10));
        inbox.find(buyer, notice);

        assertThat(inbox.find(buyer, notice).orElseThrow().read()).isFalse();
    }

    @Test
    void theRecipientOpeningANoticeMarksItReadOnceAndTheFirstTimeStays() {
        Iin buyer = newPerson();
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());
        Instant opened = clock.instant();

        Inbox.MarkRead first = inbox.markRead(buyer, notice);
        advance(Duration.ofHours(1));
        Inbox.MarkRead second = inbox.markRead(buyer, notice);

        assertThat(first).isEqualTo(new Inbox.MarkRead.Marked(notice, opened));
        assertThat(second).isEqualTo(new Inbox.MarkRead.AlreadyRead(notice, opened));
        Inbox.Page page = inbox.list(buyer, Inbox.PageRequest.first(10));
        assertThat(page.unread()).isZero();
        assertThat(page.notices().getFirst().readAt()).contains(opened);
        DeliveryTracking.Delivery inboxDelivery = delivery(notice, Channel.INBOX);
        assertThat(tracking.history(inboxDelivery.id())).extracting(DeliveryTracking.Event::detail)
                .containsOnlyOnce("read by the person in the cabinet");
    }

    @Test
    void someoneElseCannotMarkANoticeReadAndLearnsNothingAboutIt() {
        Iin buyer = newPerson();
        Iin stranger = newPerson();
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());
        NoticeId missing = new NoticeId(UUID.randomUUID());

        Inbox.MarkRead byStranger = inbox.markRead(stranger, notice);
        Inbox.MarkRead ofNothing = inbox.markRead(stranger, missing);

        assertThat(byStranger).isEqualTo(new Inbox.MarkRead.NotFound(notice));
        assertThat(ofNothing).isEqualTo(new Inbox.MarkRead.NotFound(missing));
        assertThat(inbox.find(stranger, notice)).isEmpty();
        assertThat(inbox.list(stranger, Inbox.PageRequest.first(10)).total()).isZero();
        assertThat(inbox.find(buyer, notice).orElseThrow().read()).isFalse();
    }
}
