package kz.tirkeu.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.ApplicationJourney.Submitted;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue [7], four eyes: where configuration asks for it, overturning an automated refusal takes two officers — the
 * first one's overturn is a proposal, the same officer cannot confirm it, a second of the region does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tirkeu.review.four-eyes=true")
@Import(TirkeuServerTest.Clocks.class)
class FourEyesReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    RegistrationDecision decision;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient db;

    @Test
    void anOverturnTakesASecondOfficer() {
        TirkeuClient client = new TirkeuClient(port);
        ApplicationJourney journey = new ApplicationJourney(client);
        Submitted submitted = journey.submitted("buyer-aigerim", 2);
        AutomaticDecision.refuseForAFineAndAskForReview(submitted, "buyer-aigerim", journey, client, decision, clock, db);
        String review = "/api/v1/police/cases/" + submitted.number() + "/review";
        String first = client.signIn("staff-police-officer");

        Reply proposed = client.post(review, Map.of("decision", "OVERTURN", "reason", "Paid, receipt seen."), first);
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(200);
        assertThat(proposed.body().path("status").asString()).as("still under review").isEqualTo("UNDER_REVIEW");
        assertThat(client.post(review, Map.of("decision", "OVERTURN", "reason", "Again."), first).code()).isEqualTo("SECOND_OFFICER_NEEDED");

        // A second officer of region 02 for this test only: the grant is withdrawn again, as the other tests know buyer-dana as a buyer.
        String admin = client.signIn("staff-admin");
        Reply granted = client.post("/api/v1/admin/role-grants", Map.of("iin", journey.iinOf("buyer-dana"), "role", "POLICE_OFFICER",
                "scope", "02", "reason", "order 9-к: second officer"), admin);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        try {
            Reply confirmed = client.post(review, Map.of("decision", "OVERTURN", "reason", "Confirmed: the receipt is genuine."), client.signIn("buyer-dana"));
            assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
            assertThat(confirmed.body().path("review").path("outcome").asString()).isEqualTo("OVERTURNED");
            assertThat(confirmed.body().toString()).contains("REVIEW_OVERTURN_PROPOSED");
        } finally {
            client.post("/api/v1/admin/role-grants/" + granted.body().path("id").asString() + "/withdrawal", Map.of("reason", "the test is over"), admin);
        }
    }
}
