package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/** The dispatcher: SMS over real HTTP, e-mail over real SMTP, retries with backoff, giving up, and no double sends. */
class DispatchTest extends NotificationTestSupport {

    @LocalServerPort
    int port;

    @Autowired
    Deliveries deliveries;

    @Test
    void anSmsGoesToTheSmsCentreInThePersonsLanguageToThePhoneMbgHolds() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        preferences.chooseLanguage(buyer, Language.RU);
        String application = newApplicationNumber();
        NoticeId notice = notifyAwaitingConsent(buyer, application);

        dispatchUntilIdle();

        DeliveryTracking.Delivery sms = delivery(notice, Channel.SMS);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Tirkeu: заявление " + application + " ждёт вашего согласия в личном кабинете до 2026-03-11.");
            assertThat(message.reference()).isEqualTo(sms.id().value().toString());
            assertThat(message.callbackUrl()).hasToString("http://localhost:" + port + "/api/v1/notifications/sms-receipts");
        });
        assertThat(sms.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sms.attempts()).isEqualTo(1);
        assertThat(tracking.history(sms.id())).extracting(DeliveryTracking.Event::to)
                .containsExactly(DeliveryStatus.CREATED, DeliveryStatus.SENT);
        assertThat(tracking.history(sms.id()).getLast().detail())
                .contains(SMS_CENTRE.messagesTo(phone.e164()).getFirst().messageId());
        assertThat(jdbc.sql("SELECT provider_message_id FROM deliveries WHERE id = :id").param("id", sms.id().value())
                .query(String.class).single()).isEqualTo(SMS_CENTRE.messagesTo(phone.e164()).getFirst().messageId());
    }

    @Test
    void anEmailGoesOverSmtpAsPlainTextAndStaysSentForSmtpReportsNoDelivery() throws Exception {
        Iin buyer = newPerson();
        String address = "buyer-" + UUID.randomUUID() + "@example.kz";
        preferences.giveEmail(buyer, address);
        String application = newApplicationNumber();
        NoticeId notice = notifyAwaitingConsent(buyer, application);

        dispatchUntilIdle();

        List<MimeMessage> received = List.of(MAIL.getReceivedMessages()).stream()
                .filter(message -> recipients(message).contains(address)).toList();
        assertThat(received).singleElement().satisfies(message -> {
            // Nobody chose a language: Kazakh, the default.
            assertThat(message.getSubject()).isEqualTo(application + " өтініші келісіміңізді күтеді");
            assertThat(message.getContentType()).startsWith("text/plain");
            assertThat(GreenMailUtil.getBody(message)).doesNotContain("<img", "http");
            assertThat(message.getHeader(SmtpEmailGateway.DELIVERY_HEADER)[0])
                    .isEqualTo(delivery(notice, Channel.EMAIL).id().value().toString());
        });
        assertThat(delivery(notice, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.SENT);

        advance(Duration.ofDays(2));
        dispatchUntilIdle();
        assertThat(delivery(notice, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void whileTheSmsCentreIsDownTheSmsIsRetriedWithGrowingBackoffUntilItGoesThrough() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        SMS_CENTRE.answerNext(phone.e164(), 2, 503);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        Instant firstTry = clock.instant();
        dispatchUntilIdle();
        DeliveryTracking.Delivery afterFirst = delivery(notice, Channel.SMS);
        assertThat(afterFirst.status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.lastError()).get().asString().contains("503");
        // 10 s ± 20 %.
        assertThat(Duration.between(firstTry, afterFirst.nextAttemptAt().orElseThrow()))
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(12));

        dispatchUntilIdle();
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).as("not retried before its time").hasSize(1);

        advanceToNextAttempt(afterFirst);
        Instant secondTry = clock.instant();
        dispatchUntilIdle();
        DeliveryTracking.Delivery afterSecond = delivery(notice, Channel.SMS);
        assertThat(afterSecond.attempts()).isEqualTo(2);
        // 20 s ± 20 %: longer than any first wait.
        assertThat(Duration.between(secondTry, afterSecond.nextAttemptAt().orElseThrow()))
                .isBetween(Duration.ofSeconds(16), Duration.ofSeconds(24));

        advanceToNextAttempt(afterSecond);
        dispatchUntilIdle();
        DeliveryTracking.Delivery sent = delivery(notice, Channel.SMS);
        assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).extracting(FakeSmsCentre.Message::httpStatus).containsExactly(503, 503, 202);
        assertThat(tracking.history(sent.id())).extracting(DeliveryTracking.Event::detail)
                .filteredOn(detail -> detail.startsWith("attempt")).hasSize(2);
    }

    @Test
    void whileMbgIsUnavailableTheSmsWaitsAndNeverFailsForIt() {
        Iin buyer = newPerson();
        mbg.unavailableFor(buyer);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        // Far more rounds than max-attempts (4), each after the longest backoff.
        for (int round = 0; round < 8; round++) {
            dispatchUntilIdle();
            advance(Duration.ofHours(2));
        }

        DeliveryTracking.Delivery waiting = delivery(notice, Channel.SMS);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(waiting.attempts()).isZero();
        assertThat(waiting.lastError()).get().asString().contains("МБГ unavailable");
        assertThat(mbg.timesAsked(buyer)).isEqualTo(8);

        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        dispatchUntilIdle();

        assertThat(delivery(notice, Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(1);
    }

    @Test
    void afterMaxAttemptsTheDeliveryFailsAndIsNotTriedAgain() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        SMS_CENTRE.answerNext(phone.e164(), 100, 503);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        for (int round = 0; round < 10; round++) {
            dispatchUntilIdle();
            advance(Duration.ofHours(2));
        }

        DeliveryTracking.Delivery failed = delivery(notice, Channel.SMS);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(4);
        assertThat(failed.lastError()).get().asString().contains("gave up after 4 attempts");
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(4);
        assertThat(tracking.history(failed.id()).getLast().to()).isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aMessageTheSmsCentreRefusesFailsAtOnce() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        SMS_CENTRE.answerNext(phone.e164(), 1, 400);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        dispatchUntilIdle();

        DeliveryTracking.Delivery failed = delivery(notice, Channel.SMS);
        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).get().asString().contains("refused").contains("400");
    }

    @Test
    void aPersonWithoutAPhoneInMbgGetsNoSmsButStillTheInboxNotice() {
        Iin buyer = newPerson();
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        dispatchUntilIdle();

        assertThat(delivery(notice, Channel.SMS).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery(notice, Channel.SMS).lastError()).get().asString().contains("no phone");
        assertThat(delivery(notice, Channel.INBOX).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void twoDispatchersAtOnceNeverSendTheSameDeliveryTwice() throws Exception {
        List<NoticeId> notices = new ArrayList<>();
        List<PhoneNumber> phones = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Iin buyer = newPerson();
            PhoneNumber phone = newPhone();
            mbg.register(buyer, phone);
            // A little slow, so that the two dispatchers' batches overlap in time.
            SMS_CENTRE.delay(phone.e164(), Duration.ofMillis(20));
            phones.add(phone);
            notices.add(notifyAwaitingConsent(buyer, newApplicationNumber()));
        }

        CyclicBarrier together = new CyclicBarrier(3);
        try (ExecutorService dispatchers = Executors.newFixedThreadPool(3)) {
            List<Future<Integer>> claimed = new ArrayList<>();
            for (int d = 0; d < 3; d++) {
                claimed.add(dispatchers.submit(() -> {
                    together.await();
                    int total = 0;
                    for (int n; (n = dispatcher.dispatchDue()) > 0; ) {
                        total += n;
                    }
                    return total;
                }));
            }
            for (Future<Integer> each : claimed) {
                each.get();
            }
        }

        for (int i = 0; i < notices.size(); i++) {
            DeliveryTracking.Delivery sms = delivery(notices.get(i), Channel.SMS);
            assertThat(sms.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(SMS_CENTRE.acceptedWithReference(sms.id().value().toString())).as("sends of " + sms.id()).hasSize(1);
            assertThat(SMS_CENTRE.messagesTo(phones.get(i).e164())).hasSize(1);
        }
    }

    @Test
    void aDeliveryClaimedByADispatcherThatDiedIsTakenOverWhenItsLeaseEnds() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());
        // Another server claims everything due and dies before sending.
        Instant now = clock.instant();
        List<Deliveries.Claimed> lost = deliveries.claimDue(UUID.randomUUID(), UUID.randomUUID(), now, now.plus(Duration.ofMinutes(2)), 1000);
        assertThat(lost).extracting(Deliveries.Claimed::noticeId).contains(notice.value());

        dispatchUntilIdle();
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).as("not while the lease lasts").isEmpty();

        advance(Duration.ofMinutes(3));
        dispatchUntilIdle();
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(1);
        assertThat(delivery(notice, Channel.SMS).status()).isEqualTo(DeliveryStatus.SENT);
    }

    @Test
    void theNoticeIsRenderedWithCodedValuesInThePersonsLanguage() {
        Iin seller = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(seller, phone);
        preferences.chooseLanguage(seller, Language.KK);
        notificationPoint.notify(new NoticeRequest(seller, "application.refused", Map.of(
                "applicationNumber", "TK-7", "step", "S14", "reason", "PAY_FINES_AND_RESUBMIT"), "TK-7"));

        dispatchUntilIdle();

        assertThat(SMS_CENTRE.messagesTo(phone.e164())).singleElement().extracting(FakeSmsCentre.Message::text)
                .isEqualTo("Tirkeu: TK-7 өтініші S14 қадамында қабылданбады: Айыппұлдарды төлеп, өтінішті қайта беріңіз. Толығырақ жеке кабинетте.");
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
