package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import tools.jackson.databind.JsonNode;
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

    /**
     * The usual case for a review: the automatic decision refuses the application for a fine the buyer has (made in the
     * sandbox's ЕРАП for this decision only), and the buyer asks for human review.
     */
    public static void refuseForAFineAndAskForReview(ApplicationJourney.Submitted submitted, String buyerPersona, ApplicationJourney journey,
                                                     TirkeuClient client, RegistrationDecision decision, TestClock clock, JdbcClient db) {
        String iin = journey.iinOf(buyerPersona);
        JsonNode fine = client.post("/sandbox/erap/v1/fines/" + iin, "", null).body();
        try {
            takeFor(submitted.number(), decision, clock, db);
        } finally {
            journey.delete("/sandbox/erap/v1/fines/" + iin + "/" + fine.path("protocolNumber").asString(), null);
        }
        TirkeuClient.Reply asked = client.post("/api/v1/applications/" + submitted.number() + "/review-requests",
                Map.of("comment", "The fine was paid yesterday."), submitted.buyerToken());
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(201);
    }
}
