package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The process definition is not only published, it is enforced: the action log refuses an entry the definition does
 * not allow from the application's status, and the whole transaction that tried it rolls back.
 */
@SpringBootTest
class ProcessEnforcementTest {

    @Autowired
    ActionLog log;

    @Autowired
    JdbcClient db;

    @Autowired
    TransactionTemplate transaction;

    private final UUID id = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-12-04T10:00:00Z");

    @AfterEach
    void cleanUp() {
        db.sql("alter table application_action disable trigger application_action_no_change").update();
        db.sql("delete from application_action where application_id = ?").param(id).update();
        db.sql("alter table application_action enable trigger application_action_no_change").update();
        db.sql("delete from application where id = ?").param(id).update();
    }

    @Test
    void aPaymentOnAnApplicationStillBeingCheckedIsRefusedAndNothingIsWritten() {
        started();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> log.append(id, at.plusSeconds(1), Action.Actor.BUYER, "900314312346",
                Step.S17, ApplicationStatus.AWAITING_BUYER_SIGNATURE, new Act.Paid("INV-1", "PAY-1", 1500), null)))
                .isInstanceOf(ProcessDefinition.ProcessViolation.class)
                .hasMessageContaining("PAID").hasMessageContaining("CHECKING").hasMessageContaining("entry 2");
        assertThat(log.of(id)).extracting(Action::kind).containsExactly(Action.Kind.STARTED);
        assertThat(db.sql("select status from application where id = ?").param(id).query(String.class).single()).isEqualTo("CHECKING");
    }

    @Test
    void aLogMustStartWithTheSellerStarting() {
        created();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> log.append(id, at, Action.Actor.PLATFORM, null, Step.S19,
                ApplicationStatus.REGISTERED, new Act.Registered("123ABC02", "02", "AA 1", "https://x/v/1", "PSC-1", true, ProcessDefinition.VERSION),
                null))).isInstanceOf(ProcessDefinition.ProcessViolation.class).hasMessageContaining("from nothing");
        assertThat(log.of(id)).isEmpty();
    }

    @Test
    void anEntryIsAppendedOnlyInsideTheTransactionThatHoldsTheApplication() {
        created();
        assertThatThrownBy(() -> log.append(id, at, Action.Actor.SELLER, "900314312346", Step.S1, ApplicationStatus.CHECKING, started(Optional.empty()),
                null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("transaction");
        assertThat(log.of(id)).isEmpty();
    }

    @Test
    void replayNamesTheFirstEntryThatDoesNotFit() {
        started();
        List<Action> entries = new java.util.ArrayList<>(log.of(id));
        entries.add(new Action(2, at, Action.Actor.PLATFORM, Optional.empty(), Optional.of(Step.S19), ApplicationStatus.HANDED_OVER,
                new Act.HandedOver("PSC-1", List.of("S-1"), "B-1"), Optional.empty(), Optional.empty()));
        assertThat(ProcessDefinition.replay(entries.subList(0, 1))).isEqualTo(ApplicationStatus.CHECKING);
        assertThatThrownBy(() -> ProcessDefinition.replay(entries)).hasMessageContaining("HANDED_OVER").hasMessageContaining("entry 2");
    }

    private void created() {
        db.sql("""
                insert into application (id, number, process_version, vin, seller_bin, seller_iin, buyer_iin, status, created_at, updated_at)
                values (?, ?, ?, 'XTA21099043576182', '100140011059', '900314312346', '900314312346', 'CHECKING', ?, ?)""")
                .params(id, "KZ-T-" + id.toString().substring(0, 8), ProcessDefinition.VERSION, Applications.utc(at), Applications.utc(at)).update();
    }

    private void started() {
        created();
        transaction.executeWithoutResult(status -> log.append(id, at, Action.Actor.SELLER, "900314312346", Step.S1, ApplicationStatus.CHECKING,
                started(Optional.empty()), null));
    }

    private static Act.Started started(Optional<String> from) {
        return new Act.Started("XTA21099043576182", "900314312346", "100140011059", true, "EGOV_PORTAL", Optional.empty(), Optional.empty(), from);
    }
}
