package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;

import kz.tirkeu.pki.identity.Iin;

/** Language and a voluntarily given e-mail address, and withdrawing that address (Digital Code Art. 29). */
class RecipientPreferencesTest extends NotificationTestSupport {

    @Test
    void aPersonWhoNeverChoseHasKazakhAndNoEmail() {
        RecipientPreferences.Preferences chosen = preferences.of(newPerson());

        assertThat(chosen.language()).isEqualTo(Language.KK);
        assertThat(chosen.languageChosen()).isFalse();
        assertThat(chosen.email()).isEmpty();
    }

    @Test
    void choosingALanguageKeepsTheEmailAndTheOtherWayRound() {
        Iin person = newPerson();

        preferences.giveEmail(person, "  dana@example.kz ");
        preferences.chooseLanguage(person, Language.RU);

        assertThat(preferences.of(person)).isEqualTo(new RecipientPreferences.Preferences(Language.RU, true,
                Optional.of("dana@example.kz")));
    }

    @Test
    void onlyAPlainEmailAddressIsTaken() {
        Iin person = newPerson();

        for (String bad : new String[] {"", "not-an-address", "Dana <dana@example.kz>", "a@b.kz, c@d.kz", "x".repeat(250) + "@a.kz"}) {
            assertThatThrownBy(() -> preferences.giveEmail(person, bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(preferences.of(person).email()).isEmpty();
    }

    @Test
    void withdrawingTheEmailErasesItEverywhereAndNoMoreMailGoesThere() throws Exception {
        Iin person = newPerson();
        String address = "withdrawn-" + UUID.randomUUID() + "@example.kz";
        preferences.giveEmail(person, address);
        NoticeId sentBefore = notifyAwaitingConsent(person, newApplicationNumber());
        dispatchUntilIdle();
        NoticeId pending = notifyAwaitingConsent(person, newApplicationNumber());

        int erased = preferences.forgetEmail(person);
        dispatchUntilIdle();

        assertThat(erased).isEqualTo(2);
        assertThat(preferences.of(person).email()).isEmpty();
        assertThat(delivery(pending, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery(sentBefore, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(jdbc.sql("SELECT count(*) FROM deliveries d WHERE d::text LIKE :a").param("a", "%" + address + "%")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM delivery_history h WHERE h::text LIKE :a").param("a", "%" + address + "%")
                .query(Long.class).single()).isZero();
        long mails = Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(mails).as("only the notice sent before the withdrawal").isEqualTo(1);

        NoticeId after = notifyAwaitingConsent(person, newApplicationNumber());
        assertThat(tracking.ofNotice(after)).extracting(DeliveryTracking.Delivery::channel).doesNotContain(Channel.EMAIL);
    }
}
