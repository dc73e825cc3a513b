package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/** sendOneTimeCode(): sent at once, retried from memory if need be, and never written to the database. */
class OneTimeCodeTest extends NotificationTestSupport {

    private static String newCode() {
        return String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void theCodeIsSentBeforeTheCallReturnsAndIsNotStored() {
        Iin person = newPerson();
        PhoneNumber phone = newPhone();
        String code = newCode();

        DeliveryId id = notificationPoint.sendOneTimeCode(person, phone, code, Locale.forLanguageTag("ru"));

        assertThat(SMS_CENTRE.messagesTo(phone.e164())).singleElement().satisfies(message -> {
            assertThat(message.text()).isEqualTo("Код для входа в Tirkeu: " + code + ". Никому его не сообщайте, даже сотрудникам.");
            assertThat(message.reference()).isEqualTo(id.value().toString());
        });
        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery(id).notice()).isEmpty();
        assertThat(jdbc.sql("SELECT content FROM deliveries WHERE id = :id").param("id", id.value()).query(String.class).single())
                .isEqualTo("Код для входа в Tirkeu: ••••••. Никому его не сообщайте, даже сотрудникам.");
        assertCodeNowhereInTheDatabase(code);
        assertThat(inbox.list(person, Inbox.PageRequest.first(10)).total()).as("no inbox entry").isZero();
    }

    @Test
    void whileTheSmsCentreIsDownTheCodeIsRetriedFromMemoryAndStillNotStored() {
        Iin person = newPerson();
        PhoneNumber phone = newPhone();
        String code = newCode();
        SMS_CENTRE.answerNext(phone.e164(), 1, 503);

        DeliveryId id = notificationPoint.sendOneTimeCode(person, phone, code, Locale.ENGLISH);

        DeliveryTracking.Delivery waiting = delivery(id);
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(waiting.attempts()).isEqualTo(1);
        assertCodeNowhereInTheDatabase(code);

        advanceToNextAttempt(waiting);
        dispatchUntilIdle();

        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).extracting(FakeSmsCentre.Message::httpStatus).containsExactly(503, 202);
        assertThat(SMS_CENTRE.messagesTo(phone.e164()).getLast().text()).contains(code);
        assertCodeNowhereInTheDatabase(code);
    }

    @Test
    void aCodeTheSmsCentreNeverTakesIsGivenUpLikeAnyDelivery() {
        PhoneNumber phone = newPhone();
        SMS_CENTRE.answerNext(phone.e164(), 100, 503);

        DeliveryId id = notificationPoint.sendOneTimeCode(newPerson(), phone, newCode(), Locale.ENGLISH);
        for (int round = 0; round < 10 && delivery(id).status() == DeliveryStatus.CREATED; round++) {
            advanceToNextAttempt(delivery(id));
            dispatchUntilIdle();
        }

        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.FAILED);
        // max-attempts is 4 here; the 3-minute window would allow more.
        assertThat(delivery(id).lastError()).get().asString().contains("gave up after 4 attempts");
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(4);
    }

    @Test
    void aCodeHeldByAnotherServerIsLeftToItAndFailsWhenItsWindowEnds() {
        PhoneNumber phone = newPhone();
        SMS_CENTRE.answerNext(phone.e164(), 1, 503);
        DeliveryId id = notificationPoint.sendOneTimeCode(newPerson(), phone, newCode(), Locale.ENGLISH);
        // As if another server had sent it: only that server has the code.
        jdbc.sql("UPDATE deliveries SET held_by = :other WHERE id = :id")
                .param("other", UUID.randomUUID()).param("id", id.value()).update();

        advanceToNextAttempt(delivery(id));
        dispatchUntilIdle();
        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(1);

        advance(Duration.ofMinutes(4));
        dispatchUntilIdle();
        assertThat(delivery(id).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery(id).lastError()).get().asString().contains("send window");
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).hasSize(1);
    }

    @Test
    void aSignInPageInALanguageWeDoNotWriteFallsBackToThePersonsChoice() {
        Iin person = newPerson();
        preferences.chooseLanguage(person, Language.KK);
        PhoneNumber phone = newPhone();

        notificationPoint.sendOneTimeCode(person, phone, "4711", Locale.GERMAN);

        assertThat(SMS_CENTRE.messagesTo(phone.e164()).getFirst().text()).startsWith("Tirkeu жүйесіне кіру коды: 4711.");
    }

    private void assertCodeNowhereInTheDatabase(String code) {
        String pattern = "%" + code + "%";
        for (String table : new String[] {"deliveries", "delivery_history", "notices"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " t WHERE t::text LIKE :pattern")
                    .param("pattern", pattern).query(Long.class).single())
                    .as("rows of %s containing the code", table)
                    .isZero();
        }
    }
}
