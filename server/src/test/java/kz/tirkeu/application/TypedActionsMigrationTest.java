package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.database.LocalPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V88 turns the action log's string maps into typed acts. Entries written the old way, in a database at V87, are
 * read back strictly after the migration: each as its act, with its numbers, booleans, lists, rounds and facts.
 */
class TypedActionsMigrationTest {

    private final String database = "tirkeu_v88_" + UUID.randomUUID().toString().replace("-", "");
    private final int port = LocalPostgres.sharedTemporary().port();
    private DriverManagerDataSource dataSource;
    private JdbcClient db;

    @BeforeEach
    void aDatabaseAtV87() throws SQLException {
        execute("create database " + database);
        dataSource = new DriverManagerDataSource("jdbc:postgresql://localhost:%d/%s".formatted(port, database), "postgres", "");
        flyway("87").migrate();
        db = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropIt() throws SQLException {
        execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void everyOldEntryReadsBackAsItsTypedAct() {
        UUID id = UUID.randomUUID();
        db.sql("""
                insert into application (id, number, process_version, vin, seller_bin, seller_iin, buyer_iin, status, created_at, updated_at)
                values (?, 'KZ-V88-1', '1', 'XTA21099043576182', '100140011059', '900314312346', '900314312346', 'HANDED_OVER', now(), now())""").params(id).update();
        Instant seller = Instant.parse("2026-09-01T10:00:00Z");
        Instant again = Instant.parse("2026-09-02T10:00:00Z");
        Instant decision = Instant.parse("2026-09-03T10:00:00Z");
        Map<Integer, String[]> old = new LinkedHashMap<>();
        old.put(1, new String[] {"STARTED", "S1", "2026-09-01T09:59:00Z", """
                {"vin":"XTA21099043576182","buyerIin":"900314312346","sellerBin":"100140011059","vinCheckDigit":"does not match (a warning only)",
                 "channel":"EGOV_PORTAL","regime":"KZ-EPR-1","regimeVersion":"2","startedAgainFrom":"KZ-0001"}"""});
        old.put(2, new String[] {"CHECK_PASSED", "S1", seller.toString(), "{}"});
        old.put(3, new String[] {"CHECK_REFUSED", "S3", seller.toString(), """
                {"code":"EPTS_NOT_ACTIVE","message":"m","found":"status ARCHIVED","ruleVersion":"1","automated":"true","phase":"SELLER",
                 "regimeRule":"true"}"""});
        old.put(4, new String[] {"CHECK_WAITING", "S4", seller.toString(), "{\"why\":\"customs did not answer\"}"});
        old.put(5, new String[] {"CHECK_PASSED", "S3", again.toString(), """
                {"waived":"EPTS_NOT_ACTIVE","found":"status ARCHIVED","why":"An officer overturned this refusal on review (Digital Code Art. 39)."}"""});
        old.put(6, new String[] {"BUYER_AGREED", "S10", again.toString(), "{\"regimeShown\":\"KZ-EPR-1\",\"regimeVersionShown\":\"2\"}"});
        old.put(7, new String[] {"INVOICE_CREATED", "S17", again.toString(), "{\"invoiceId\":\"INV-1\",\"amountKzt\":\"12345\"}"});
        old.put(8, new String[] {"PAID", "S17", again.toString(), "{\"invoiceId\":\"INV-1\",\"paymentId\":\"P-1\",\"amountKzt\":\"12345\"}"});
        old.put(9, new String[] {"SUBMITTED", "S19", again.toString(), "{\"to\":\"the administrative police of region 02\"}"});
        old.put(10, new String[] {"CHECK_PASSED", "S19", decision.toString(), """
                {"check":"buyer-signature","phase":"DECISION","indication":"TOTAL_PASSED","subIndication":""}"""});
        old.put(11, new String[] {"CHECK_WAITING", "S19", decision.toString(), """
                {"check":"payment","phase":"DECISION","why":"the gateway did not answer","found":"the gateway did not answer"}"""});
        old.put(12, new String[] {"CHECK_REFUSED", "S12", decision.toString(), """
                {"check":"S12","phase":"DECISION","code":"CUSTOMS_NOT_PAID","message":"m","ruleVersion":"1","automated":"true"}"""});
        old.put(13, new String[] {"OFFICER_REFUSED", "S19", decision.toString(), """
                {"code":"REFUSED_BY_OFFICER","message":"The service cannot be provided: x","reason":"x","ruleVersion":"1","automated":"false",
                 "phase":"DECISION"}"""});
        old.put(14, new String[] {"REGISTERED", "S19", decision.toString(), """
                {"plate":"123ABC02","region":"02","certificate":"AA 0000001","verificationUrl":"https://x/v/1","psc":"PSC-1","automated":"false",
                 "ruleVersion":"1"}"""});
        old.put(15, new String[] {"HANDED_OVER", "S19", decision.toString(), """
                {"psc":"PSC-1","plateSerials":"S-1, S-2","certificateBlankNumber":"B-1"}"""});
        old.put(16, new String[] {"EXPIRED", "S10", decision.toString(), "{\"deadline\":\"null\"}"});
        old.forEach((seq, e) -> db.sql("""
                        insert into application_action (application_id, seq, at, actor, action, step, status, detail)
                        values (?, ?, ?::timestamptz, 'PLATFORM', ?, ?, 'CHECKING', ?::jsonb)""")
                .params(id, seq, e[2], e[0], e[1], e[3]).update());

        flyway(null).migrate();

        List<Act> acts = db.sql("select action, detail::text from application_action where application_id = ? order by seq").param(id)
                .query((rs, n) -> Acts.read(Action.Kind.valueOf(rs.getString(1)), rs.getString(2))).list();
        assertThat(acts.get(0)).isEqualTo(new Act.Started("XTA21099043576182", "900314312346", "100140011059", false, "EGOV_PORTAL",
                Optional.of("KZ-EPR-1"), Optional.of(2), Optional.of("KZ-0001")));
        Act.CheckPassed s1 = (Act.CheckPassed) acts.get(1);
        Act.CheckRefused s3 = (Act.CheckRefused) acts.get(2);
        Act.CheckWaiting s4 = (Act.CheckWaiting) acts.get(3);
        assertThat(List.of(s1.round(), s3.round())).as("the checks of one round share it").containsOnly(s4.round());
        assertThat(s1).isEqualTo(new Act.CheckPassed(s4.round(), Phase.SELLER, "S1", Optional.empty(), Optional.empty(), Map.of()));
        assertThat(s3).isEqualTo(new Act.CheckRefused(s4.round(), Phase.SELLER, "S3", Refusal.EPTS_NOT_ACTIVE, "m", "status ARCHIVED", "1", Map.of()));
        assertThat(s4.why()).isEqualTo("customs did not answer");
        Act.CheckPassed waived = (Act.CheckPassed) acts.get(4);
        assertThat(waived.round()).isNotEqualTo(s4.round());
        assertThat(waived.waived()).contains(Refusal.EPTS_NOT_ACTIVE);
        assertThat(waived.found()).contains("status ARCHIVED");
        assertThat(acts.get(5)).isEqualTo(new Act.BuyerAgreed(Optional.of("KZ-EPR-1"), Optional.of(2)));
        assertThat(acts.get(6)).isEqualTo(new Act.InvoiceCreated("INV-1", 12345));
        assertThat(acts.get(7)).isEqualTo(new Act.Paid("INV-1", "P-1", 12345));
        assertThat(acts.get(8)).isEqualTo(new Act.Submitted("02"));
        Act.CheckPassed signature = (Act.CheckPassed) acts.get(9);
        assertThat(signature.phase()).isEqualTo(Phase.DECISION);
        assertThat(signature.check()).isEqualTo("buyer-signature");
        assertThat(signature.facts()).isEqualTo(Map.of("indication", "TOTAL_PASSED", "subIndication", ""));
        assertThat(acts.get(10)).isEqualTo(new Act.CheckWaiting(signature.round(), Phase.DECISION, "payment", "the gateway did not answer", Map.of()));
        assertThat(acts.get(11)).isEqualTo(new Act.CheckRefused(signature.round(), Phase.DECISION, "S12", Refusal.CUSTOMS_NOT_PAID, "m", "", "1",
                Map.of()));
        assertThat(acts.get(12)).isEqualTo(new Act.OfficerRefused("REFUSED_BY_OFFICER", "x", "The service cannot be provided: x", "1"));
        assertThat(acts.get(13)).isEqualTo(new Act.Registered("123ABC02", "02", "AA 0000001", "https://x/v/1", "PSC-1", false, "1"));
        assertThat(acts.get(14)).isEqualTo(new Act.HandedOver("PSC-1", List.of("S-1", "S-2"), "B-1"));
        assertThat(acts.get(15)).isEqualTo(new Act.Expired(Optional.empty()));
        assertThat(db.sql("select tgenabled from pg_trigger where tgname = 'application_action_no_change'").query(String.class).single())
                .as("the log is append-only again").isEqualTo("O");
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:%d/postgres".formatted(port), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
