package kz.tirkeu.application;

import java.time.Duration;
import kz.tirkeu.testing.TestClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The automatic S19 decision, taken on demand by tests outside this package (in tests it does not run in
 * the background): rounds of {@link RegistrationDecision#decideDue()} until this application's decision is
 * taken — other tests' applications may be due before it — or an officer holds it.
 */
public final class AutomaticDecision {

    private AutomaticDecision() {}

    public static void takeFor(String number, RegistrationDecision decision, TestClock clock, JdbcClient db) {
        clock.advance(Duration.ofSeconds(1));
        for (int round = 0; round < 20; round++) {
            decision.decideDue();
            String status = db.sql("select status from application where number = ?").param(number).query(String.class).single();
            boolean held = db.sql("select officer_iin is not null from police_case c join application a on a.id = c.application_id where a.number = ?")
                    .param(number).query(Boolean.class).optional().orElse(false);
            if (!status.equals("SUBMITTED") || held) {
                return;
            }
        }
        throw new AssertionError("The automatic decision did not reach " + number + " in 20 rounds");
    }
}
