package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;

/** What the database itself refuses, whatever code runs against it. */
class SchemaGuardsTest extends NotificationTestSupport {

    @Test
    void theDeliveryHistoryCannotBeRewrittenOrDeleted() {
        NoticeId notice = notifyAwaitingConsent(newPerson(), newApplicationNumber());
        DeliveryId inboxDelivery = delivery(notice, Channel.INBOX).id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE delivery_history SET detail = 'nothing happened' WHERE delivery_id = :id")
                .param("id", inboxDelivery.value()).update()).isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM delivery_history WHERE delivery_id = :id")
                .param("id", inboxDelivery.value()).update()).isInstanceOf(DataAccessException.class);
        assertThat(tracking.history(inboxDelivery)).hasSize(1);
    }

    @Test
    void aDeliveryNeverLeavesDeliveredOrFailed() {
        NoticeId notice = notifyAwaitingConsent(newPerson(), newApplicationNumber());
        DeliveryId inboxDelivery = delivery(notice, Channel.INBOX).id();

        assertThatThrownBy(() -> jdbc.sql("UPDATE deliveries SET status = 'SENT' WHERE id = :id")
                .param("id", inboxDelivery.value()).update()).isInstanceOf(DataAccessException.class);
        assertThat(delivery(inboxDelivery).status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aNoticeHasOneDeliveryPerChannel() {
        NoticeId notice = notifyAwaitingConsent(newPerson(), newApplicationNumber());

        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO deliveries (id, notice_id, recipient_iin, purpose, channel, status, created_at, updated_at)
                SELECT gen_random_uuid(), notice_id, recipient_iin, purpose, channel, status, created_at, updated_at
                  FROM deliveries WHERE notice_id = :notice AND channel = 'INBOX'
                """).param("notice", notice.value()).update()).isInstanceOf(DataAccessException.class);
    }
}
