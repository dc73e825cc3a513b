package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/** notify(): one transaction stores the notice and a delivery per channel, and returns before sending anything. */
class NotifyTest extends NotificationTestSupport {

    @Test
    void aNoticeIsInTheInboxAtOnceWithSmsAndEmailWaitingToBeSent() {
        Iin buyer = newPerson();
        PhoneNumber phone = newPhone();
        mbg.register(buyer, phone);
        preferences.giveEmail(buyer, "aigerim@example.kz");

        NoticeId notice = notifyAwaitingConsent(buyer, newApplicationNumber());

        DeliveryTracking.Delivery inboxDelivery = delivery(notice, Channel.INBOX);
        assertThat(inboxDelivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(tracking.history(inboxDelivery.id())).singleElement()
                .satisfies(event -> {
                    assertThat(event.from()).isEmpty();
                    assertThat(event.to()).isEqualTo(DeliveryStatus.DELIVERED);
                });
        assertThat(delivery(notice, Channel.SMS).status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(delivery(notice, Channel.EMAIL).status()).isEqualTo(DeliveryStatus.CREATED);
        assertThat(tracking.ofNotice(notice)).extracting(DeliveryTracking.Delivery::recipient).containsOnly(buyer);
        // Returned without sending: the SMS centre has heard nothing yet, and МБГ was not even asked.
        assertThat(SMS_CENTRE.messagesTo(phone.e164())).isEmpty();
        assertThat(mbg.timesAsked(buyer)).isZero();
    }

    @Test
    void withoutAnEmailAddressThereIsNoEmailDelivery() {
        NoticeId notice = notifyAwaitingConsent(newPerson(), newApplicationNumber());

        assertThat(tracking.ofNotice(notice)).extracting(DeliveryTracking.Delivery::channel)
                .containsExactlyInAnyOrder(Channel.INBOX, Channel.SMS);
    }

    @Test
    void anUnknownTemplateIsRefusedAndNothingIsStored() {
        Iin person = newPerson();

        assertThatThrownBy(() -> notificationPoint.notify(new NoticeRequest(person, "application.no-such-thing", Map.of(), null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("application.no-such-thing");
        assertThat(inbox.list(person, Inbox.PageRequest.first(10)).total()).isZero();
    }

    @Test
    void aNoticeMissingAParameterIsRefusedAndNothingIsStored() {
        Iin person = newPerson();

        assertThatThrownBy(() -> notificationPoint.notify(new NoticeRequest(person, "application.refused",
                Map.of("applicationNumber", "TK-1", "step", "S3"), "TK-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
        assertThat(inbox.list(person, Inbox.PageRequest.first(10)).total()).isZero();
    }

    @Test
    void aSignInCodeTemplateIsNotANotice() {
        assertThatThrownBy(() -> notificationPoint.notify(new NoticeRequest(newPerson(), "sign-in.code", Map.of("code", "123456"), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
