package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kz.tirkeu.application.AutomaticDecision;
import kz.tirkeu.application.RegistrationDecision;
import kz.tirkeu.testing.ApplicationJourney;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The regime the platform runs under, kept to (issue [6] points 2–3, 7–8). The sandbox's own regime is off here, so
 * only recorded acts count: first the real pilot alone, which ended on 31.08.2026; then a regime this test has an
 * official propose and establish with signed decisions, and the limits it sets — its subjects, its territory, the
 * vehicles it covers, suspension with both rules for applications in flight, exclusion of a dealer, and the expiry of
 * its term at midnight in Almaty with nobody doing anything. The steps build on each other, so they run in order.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tirkeu.regime.sandbox-regime=false")
@Import(TirkeuServerTest.Clocks.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegimeEnforcementTest {

    private static final String CODE = "test-regime-enforcement";
    private static final String DEALER1 = "120440037156"; // legal address in 01 Astana
    private static final String DEALER2 = "161040020484"; // legal address in 02 Almaty

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient db;

    @Autowired
    RegistrationDecision decision;

    TirkeuClient client;
    ApplicationJourney journey;
    RegimeOfficial official;
    Term term;

    @BeforeAll
    void signIn() {
        client = new TirkeuClient(port);
        journey = new ApplicationJourney(client);
        official = new RegimeOfficial(client);
        LocalDate today = RegimeDates.dayOf(clock.instant());
        // Exactly one year, ending today: it runs out at the coming midnight in Almaty.
        term = new Term(today.minusYears(1).plusDays(1), today);
    }

    @AfterAll
    void endTheRegime() {
        clock.reset();
        // The database is the JVM's, shared with the other test applications, and for them (at the real time) this
        // regime's term has not run out yet: end it, so that none of them starts an application under it.
        if (client.get("/api/v1/regimes/" + CODE, null).status() == 200
                && !"TERMINATED".equals(client.get("/api/v1/regimes/" + CODE, null).body().path("status").asString())) {
            official.decide(CODE, RegimeOfficial.draft(DecisionKind.TERMINATED, "ground", TerminationGround.AUTHORISED_BODY_DECISION,
                    "reason", LocalizedText.of("сынақ аяқталды", "тест окончен", "the test is over")));
        }
    }

    @Test
    @Order(1)
    void withOnlyThePilotOnRecordNothingStartsForItsTermEndedOn31August2026() {
        String seller = client.signIn("dealer1-manager");
        String vin = journey.freshVehicle(journey.iinOf("buyer-aidar"), 1).path("vin").asString();

        long refusedBefore = s1Refusals("REGIME_TERM_ENDED");
        Reply ru = start(seller, vin, "buyer-aidar", "ru");
        Reply en = start(seller, vin, "buyer-aidar", "en");

        assertThat(ru.status()).as(ru.body().toString()).isEqualTo(409);
        assertThat(ru.code()).isEqualTo("REGIME_TERM_ENDED");
        assertThat(ru.body().path("detail").asString()).contains("завершился 31.08.2026").contains("754").contains("нельзя направить");
        assertThat(ru.body().path("regime").asString()).isEqualTo("egov-primary-registration-754-499");
        assertThat(ru.body().path("date").asString()).isEqualTo("2026-08-31");
        assertThat(ru.body().path("reviewable").asBoolean(true)).isFalse();
        assertThat(en.body().path("detail").asString()).contains("ended on 31.08.2026").contains("cannot be sent for human review");
        assertThat(db.sql("select count(*) from application where vin = ?").param(vin).query(Integer.class).single())
                .as("nothing is created, nothing to clean up").isZero();
        JsonNode pilot = client.get("/api/v1/regimes/egov-primary-registration-754-499", null).body();
        assertThat(pilot.path("status").asString()).isEqualTo("TERMINATED");
        assertThat(pilot.path("parameters").path("term").path("end").asString()).isEqualTo("2026-08-31");
        assertThat(client.get("/api/v1/process-definition", null).body().path("regimes").toString()).contains("egov-primary-registration-754-499", "TERMINATED");
        assertThat(s1Refusals("REGIME_TERM_ENDED")).as("monitoring counts the attempts, though no application was made").isEqualTo(refusedBefore + 2);
    }

    /** The pilot's refusals at S1 today with this code, as the authorised body's indicators count them. */
    private long s1Refusals(String code) {
        String today = RegimeDates.dayOf(clock.instant()).toString();
        JsonNode indicators = client.get("/api/v1/regimes/egov-primary-registration-754-499/indicators?from=" + today + "&to=" + today,
                official.token()).body();
        long n = 0;
        for (JsonNode refusal : indicators.path("total").path("refused")) {
            if (refusal.path("step").asString().equals("S1") && refusal.path("code").asString().equals(code)) {
                n += refusal.path("count").asLong();
            }
        }
        return n;
    }

    @Test
    @Order(2)
    void aDecisionWithoutAValidSignatureOfTheOfficialIsNotRecorded() {
        Map<String, Object> proposal = RegimeOfficial.draft(DecisionKind.PROPOSED, "parameters", parameters(InFlightRule.FINISH_STARTED));

        Reply someoneElses = official.decide(CODE, proposal, client.key("buyer-aidar", "sign"));
        Reply authKey = official.decide(CODE, proposal, client.key(RegimeOfficial.PERSONA, "auth"));
        Reply prepared = official.prepare(CODE, proposal);
        String signature = client.signBase64(prepared.body().path("dataToSign").asString(), client.key(RegimeOfficial.PERSONA, "sign"));
        ObjectNode altered = (ObjectNode) prepared.body().path("decision").deepCopy();
        ((ObjectNode) altered.path("parameters")).putArray("territory").add("01").add("02");
        Reply tampered = official.record(CODE, altered, signature);
        Reply garbage = official.record(CODE, prepared.body().path("decision"), "bm90IGEgc2lnbmF0dXJl");
        Reply tooLong = official.prepare(CODE + "-long", RegimeOfficial.draft(DecisionKind.PROPOSED, "parameters",
                RegimeOfficial.parameters(new Term(term.start(), term.start().plusYears(6)), Set.of("01"), List.of(DEALER1), Set.of("DOMESTIC"),
                        InFlightRule.FINISH_STARTED)));

        assertThat(someoneElses.status()).isEqualTo(400);
        assertThat(someoneElses.code()).isEqualTo("DECISION_SIGNATURE_INVALID");
        assertThat(authKey.code()).isEqualTo("DECISION_SIGNATURE_INVALID");
        assertThat(tampered.code()).isEqualTo("DECISION_SIGNATURE_MISMATCH");
        assertThat(garbage.code()).isEqualTo("DECISION_SIGNATURE_INVALID");
        assertThat(tooLong.code()).isEqualTo("TERM_OUT_OF_BOUNDS");
        assertThat(client.get("/api/v1/regimes/" + CODE, null).status()).as("nothing was recorded").isEqualTo(404);
    }

    @Test
    @Order(3)
    void anEstablishedRegimeAdmitsItsSubjectsInItsTerritoryOnly() {
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.PROPOSED, "parameters", parameters(InFlightRule.FINISH_STARTED)));
        Reply established = official.decide(CODE, RegimeOfficial.draft(DecisionKind.ESTABLISHED));
        assertThat(established.body().path("signed").asBoolean()).isTrue();
        assertThat(client.get("/api/v1/regimes/" + CODE, null).body().path("status").asString()).isEqualTo("ACTIVE");

        Reply admitted = start(client.signIn("dealer1-manager"), fresh(1), "buyer-aidar", "en");
        Reply notAdmitted = start(client.signIn("dealer3-manager"), fresh(1), "buyer-aidar", "kk");
        Reply outside = start(client.signIn("dealer2-manager"), fresh(2), "buyer-aidar", "en");

        assertThat(admitted.status()).as(admitted.body().toString()).isEqualTo(201);
        assertThat(admitted.body().path("status").asString()).isEqualTo("AWAITING_SELLER_SIGNATURE");
        assertThat(db.sql("select regime_code || ' v' || regime_version from application where number = ?").param(admitted.body().path("number").asString())
                .query(String.class).single()).isEqualTo(CODE + " v1");
        assertThat(notAdmitted.code()).isEqualTo("SELLER_NOT_ADMITTED");
        assertThat(notAdmitted.body().path("detail").asString()).contains("180540040963").contains("субъектісі емес");
        assertThat(outside.body().path("status").asString()).as(outside.body().toString()).isEqualTo("REFUSED");
        assertThat(outside.body().toString()).contains("OUTSIDE_REGIME_TERRITORY").contains("region 02");
        Reply review = client.post("/api/v1/applications/" + outside.body().path("number").asString() + "/review-requests",
                Map.of("comment", "We sell in Almaty."), client.signIn("dealer2-manager"));
        assertThat(review.code()).as("a limit of the regime is not a decision about the applicant").isEqualTo("REGIME_RULE_NOT_REVIEWABLE");
    }

    @Test
    @Order(4)
    void theVehiclesARegimeCoversAreItsParameterAndEveryVersionStaysReadable() {
        String vin = fresh(1);
        String origin = client.get("/sandbox/epts/v1/passports/" + vin, null).body().path("origin").asString();
        Set<String> others = new TreeSet<>(Set.of("DOMESTIC", "OFFICIAL_DEALER_IMPORT", "OTHER_IMPORT"));
        others.remove(origin);
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", RegimeOfficial.parameters(term, Set.of("01"),
                List.of(DEALER1, DEALER2), others, InFlightRule.FINISH_STARTED)));

        Reply refused = start(client.signIn("dealer1-manager"), vin, "buyer-aidar", "en");

        assertThat(refused.body().path("status").asString()).as(refused.body().toString()).isEqualTo("REFUSED");
        assertThat(refused.body().toString()).contains("VEHICLE_NOT_ELIGIBLE").contains("origin " + origin);
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", parameters(InFlightRule.FINISH_STARTED)));
        JsonNode regime = client.get("/api/v1/regimes/" + CODE, null).body();
        assertThat(regime.path("version").asInt()).isEqualTo(3);
        assertThat(regime.path("versionsRecordedBy").size()).isEqualTo(3);
    }

    @Test
    @Order(5)
    void aSuspensionStopsNewStartsWhileWhatWasStartedFinishesAndResumingLetsThemStartAgain() {
        ApplicationJourney.Submitted inFlight = journey.submitted("buyer-aidar", 1);
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.SUSPENDED, "reason", LocalizedText.of("тәуекел анықталды", "выявлен риск", "a risk was found")));

        Reply suspended = start(client.signIn("dealer1-manager"), fresh(1), "buyer-aidar", "ru");
        AutomaticDecision.takeFor(inFlight.number(), decision, clock, db);

        assertThat(suspended.code()).isEqualTo("REGIME_SUSPENDED");
        assertThat(suspended.body().path("detail").asString()).contains("приостановлено").contains("выявлен риск");
        assertThat(journey.status(inFlight.number(), inFlight.buyerToken())).as("the regime's rule: what was started finishes").isEqualTo("REGISTERED");
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.RESUMED));
        assertThat(start(client.signIn("dealer1-manager"), fresh(1), "buyer-aidar", "en").status()).isEqualTo(201);
    }

    @Test
    @Order(6)
    void underARuleThatStopsEverythingASuspensionRefusesAtTheDecisionWhatWasNotYetRegistered() {
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", parameters(InFlightRule.STOP_ALL)));
        ApplicationJourney.Submitted inFlight = journey.submitted("buyer-aidar", 1);
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.SUSPENDED, "reason", LocalizedText.of("тоқтату", "остановка", "a stop")));

        AutomaticDecision.takeFor(inFlight.number(), decision, clock, db);

        JsonNode refused = client.get("/api/v1/applications/" + inFlight.number(), inFlight.buyerToken()).body();
        assertThat(refused.path("status").asString()).isEqualTo("REFUSED");
        assertThat(refused.toString()).contains("REGIME_NO_LONGER_IN_FORCE");
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.RESUMED));
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", parameters(InFlightRule.FINISH_STARTED)));
    }

    /**
     * Issue [7]: four eyes on an overturn came only from the installation's configuration; a regime may ask for it too,
     * as one of its special rules, for the applications started under it.
     */
    @Test
    @Order(7)
    void aRegimeCanAskForTwoOfficersToOverturnAnAutomatedRefusal() {
        RegimeParameters p = parameters(InFlightRule.FINISH_STARTED);
        SpecialRules rules = p.specialRules();
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", new RegimeParameters(p.name(), p.legalBasis(), p.goals(),
                p.departsFrom(), new SpecialRules(rules.channels(), rules.plateChoice(), rules.eligibleOrigins(), true), p.term(), p.territory(),
                p.subjects(), p.riskAnalysis(), p.counterpartyNotice(), p.authorisedBody(), p.inFlight(), p.sandbox())));
        try {
            ApplicationJourney.Submitted submitted = journey.submitted("buyer-aidar", 1);
            AutomaticDecision.refuseForAFineAndAskForReview(submitted, "buyer-aidar", journey, client, decision, clock, db);
            String review = "/api/v1/police/cases/" + submitted.number() + "/review";
            String officer = client.signIn("staff-police-officer");

            Reply proposed = client.post(review, Map.of("decision", "OVERTURN", "reason", "Paid, receipt seen."), officer);
            assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(200);
            assertThat(proposed.body().path("status").asString()).as("a proposal, under this regime's rule").isEqualTo("UNDER_REVIEW");
            assertThat(client.post(review, Map.of("decision", "OVERTURN", "reason", "Again."), officer).code()).isEqualTo("SECOND_OFFICER_NEEDED");
            assertThat(client.get("/regimes/" + CODE, null).raw().body()).contains("regime-four-eyes");
            // One officer may still uphold: that closes the case for the next test.
            assertThat(client.post(review, Map.of("decision", "UPHOLD", "reason", "No receipt after all."), officer).status()).isEqualTo(200);
        } finally {
            official.decide(CODE, RegimeOfficial.draft(DecisionKind.MODIFIED, "parameters", parameters(InFlightRule.FINISH_STARTED)));
        }
    }

    @Test
    @Order(8)
    void aDealerExcludedFromTheRegimeStartsNothingAndIsToldWhenAndWhy() {
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.SUBJECT_EXCLUDED, "subjectBin", DEALER2,
                "reason", LocalizedText.of("өтініш бойынша", "по заявлению дилера", "at the dealer's request")));

        Reply excluded = start(client.signIn("dealer2-manager"), fresh(2), "buyer-aidar", "en");

        assertThat(excluded.code()).isEqualTo("SELLER_EXCLUDED");
        assertThat(excluded.body().path("detail").asString()).contains(DEALER2).contains(RegimeDates.text(RegimeDates.dayOf(clock.instant())))
                .contains("at the dealer's request");
        JsonNode subject = client.get("/api/v1/regimes/" + CODE, null).body().path("parameters").path("subjects").get(1);
        assertThat(subject.path("exclusion").path("on").asString()).isEqualTo(RegimeDates.dayOf(clock.instant()).toString());
    }

    @Test
    @Order(9)
    void theTermRunsOutAtMidnightInAlmatyWithNobodyDoingAnything() {
        int decisions = db.sql("select count(*) from regime_decision where regime_code = ?").param(CODE).query(Integer.class).single();
        Instant midnight = term.expiresAt();
        clock.advance(Duration.between(clock.instant(), midnight.minusSeconds(5)));
        assertThat(client.get("/api/v1/regimes/" + CODE, null).body().path("status").asString()).isEqualTo("ACTIVE");

        clock.advance(Duration.ofSeconds(10));

        assertThat(client.get("/api/v1/regimes/" + CODE, null).body().path("status").asString()).isEqualTo("TERMINATED");
        Reply ended = start(client.signIn("dealer1-manager"), fresh(1), "buyer-aidar", "en");
        assertThat(ended.code()).isEqualTo("REGIME_TERM_ENDED");
        assertThat(ended.body().path("detail").asString()).contains("ended on " + RegimeDates.text(term.end()));
        assertThat(db.sql("select count(*) from regime_decision where regime_code = ?").param(CODE).query(Integer.class).single())
                .as("no decision was needed").isEqualTo(decisions);
    }

    private RegimeParameters parameters(InFlightRule inFlight) {
        return RegimeOfficial.parameters(term, Set.of("01"), List.of(DEALER1, DEALER2), Set.of("DOMESTIC", "OFFICIAL_DEALER_IMPORT"), inFlight);
    }

    private String fresh(int dealer) {
        return journey.freshVehicle(journey.iinOf("buyer-aidar"), dealer).path("vin").asString();
    }

    private Reply start(String sellerToken, String vin, String buyerPersona, String language) {
        String body = client.json().writeValueAsString(Map.of("vin", vin, "buyerIin", journey.iinOf(buyerPersona)));
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/applications")).header("Content-Type", "application/json")
                .header("Accept-Language", language).POST(HttpRequest.BodyPublishers.ofString(body)), sellerToken);
    }
}
