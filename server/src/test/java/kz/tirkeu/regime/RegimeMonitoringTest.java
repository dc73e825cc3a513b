package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Monitoring (issue [6] point 5): the indicators equal what this test counts by itself from a generated set of
 * applications whose every step and time it chose — per regime, period, region and dealer — and the published
 * results hide small counts. The applications are written straight into the action log, in 2025, under a regime whose
 * term (all of 2025) has ended, so no other test's application is in scope and nothing here is ever admitted.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegimeMonitoringTest {

    private static final String CODE = "test-monitoring-" + UUID.randomUUID().toString().substring(0, 8);
    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private static final LocalDate TO = LocalDate.of(2025, 5, 31);
    private static final Instant PERIOD_START = FROM.atStartOfDay(RegimeDates.ZONE).toInstant();
    private static final Instant PERIOD_END = TO.plusDays(1).atStartOfDay(RegimeDates.ZONE).toInstant();
    private static final List<String> REGIONS = List.of("01", "02", "09");
    private static final List<String> DEALERS = List.of(Bin.generate(2015, 3, 7101).value(), Bin.generate(2016, 4, 7102).value(),
            Bin.generate(2017, 5, 7103).value());

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    TirkeuClient client;
    String authority;
    final List<Generated> generated = new ArrayList<>();

    /** One generated application: where it belongs and what happened when. */
    record Generated(String number, String region, String dealer, List<Event> events) {}

    record Event(Instant at, String action, String step, String status, String code) {}

    @BeforeAll
    void generate() {
        client = new TirkeuClient(port);
        authority = client.signIn(RegimeOfficial.PERSONA);
        RegimeOfficial official = new RegimeOfficial(client);
        official.decide(CODE, RegimeOfficial.draft(DecisionKind.PROPOSED, "parameters", RegimeOfficial.parameters(
                new Term(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)), Set.copyOf(REGIONS), DEALERS, Set.of("DOMESTIC"), InFlightRule.FINISH_STARTED)));

        Random random = new Random(754_499);
        Instant earliest = LocalDate.of(2025, 2, 10).atStartOfDay(RegimeDates.ZONE).toInstant();
        for (int i = 0; i < 90; i++) {
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            String dealer = DEALERS.get(random.nextInt(DEALERS.size()));
            Instant t = earliest.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 120)));
            List<Event> events = new ArrayList<>();
            events.add(new Event(t, "STARTED", "S1", "CHECKING", null));
            events.add(new Event(t, "CHECK_PASSED", "S1", "CHECKING", null));
            if (random.nextInt(4) == 0) {
                // ГБД ФЛ does not answer: the ask ends waiting, and the next one, minutes later, passes.
                events.add(new Event(t, "CHECK_WAITING", "S7", "WAITING_FOR_STATE_SYSTEM", null));
                t = t.plus(Duration.ofMinutes(1 + random.nextInt(90)));
                events.add(new Event(t, "CHECK_PASSED", "S7", "AWAITING_SELLER_SIGNATURE", null));
            } else {
                events.add(new Event(t, "CHECK_PASSED", "S7", "AWAITING_SELLER_SIGNATURE", null));
            }
            t = t.plus(Duration.ofMinutes(5 + random.nextInt(600)));
            int outcome = random.nextInt(10);
            if (outcome < 2) {
                String step = random.nextBoolean() ? "S4" : "S19";
                events.add(new Event(t, step.equals("S19") ? "OFFICER_REFUSED" : "CHECK_REFUSED", step, "REFUSED",
                        step.equals("S19") ? "UNPAID_FINES" : "CUSTOMS_NOT_PAID"));
                if (random.nextBoolean()) {
                    t = t.plus(Duration.ofHours(1 + random.nextInt(48)));
                    events.add(new Event(t, "REVIEW_REQUESTED", step, "UNDER_REVIEW", null));
                    t = t.plus(Duration.ofHours(1 + random.nextInt(48)));
                    boolean overturned = random.nextBoolean();
                    events.add(new Event(t, overturned ? "REVIEW_OVERTURNED" : "REVIEW_UPHELD", step, overturned ? "SUBMITTED" : "REFUSED", null));
                }
            } else if (outcome == 2) {
                events.add(new Event(t, "BUYER_DECLINED", "S10", "DECLINED", null));
            } else if (outcome == 3) {
                events.add(new Event(t.plus(Duration.ofDays(3)), "EXPIRED", "S10", "EXPIRED", null));
            } else if (outcome == 4) {
                // A correctable refusal (the buyer's IIN) is not a final one.
                events.add(new Event(t, "CHECK_REFUSED", "S7", "BUYER_IIN_CORRECTION", "BUYER_NOT_FOUND"));
            } else {
                t = t.plus(Duration.ofMinutes(30 + random.nextInt(3000)));
                events.add(new Event(t, "REGISTERED", "S19", "REGISTERED", null));
                if (random.nextInt(5) > 0) {
                    t = t.plus(Duration.ofMinutes(60 + random.nextInt(20_000)));
                    events.add(new Event(t, "HANDED_OVER", "P10", "HANDED_OVER", null));
                }
            }
            Generated application = new Generated("M-" + CODE.substring(16) + "-" + i, region, dealer, events);
            generated.add(application);
            write(application);
            if (i % 3 == 0) {
                // One notice per third application, delivered to the inbox; every second of them read.
                notice(application.number(), events.getFirst().at().plusSeconds(1), i % 2 == 0);
            }
        }
    }

    @Test
    void theIndicatorsEqualWhatTheGeneratedApplicationsDid() {
        Reply reply = client.get("/api/v1/regimes/" + CODE + "/indicators?from=" + FROM + "&to=" + TO, authority);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode indicators = reply.body();

        assertTally(indicators.path("total"), a -> true);
        assertThat(indicators.path("total").path("started").asLong()).as("the generated set reaches into the period").isGreaterThan(20);
        assertThat(indicators.path("total").path("toRegistered").path("count").asLong()).as("enough registrations for a median").isGreaterThanOrEqualTo(5);
        assertThat(indicators.path("total").path("outageWaits").asLong()).as("some applications waited").isPositive();
        assertThat(indicators.path("total").path("refused")).as("some were refused").isNotEmpty();
        for (String region : REGIONS) {
            assertTally(find(indicators.path("byRegion"), region), a -> a.region().equals(region));
        }
        for (String dealer : DEALERS) {
            assertTally(find(indicators.path("byDealer"), dealer), a -> a.dealer().equals(dealer));
        }
        assertThat(indicators.path("byRegion")).hasSize(REGIONS.size());
    }

    @Test
    void thePublishedResultsShowSmallCountsAsFewerThanFiveAndNameNoPerson() {
        Reply reply = client.get("/api/v1/regimes/" + CODE + "/results?from=" + FROM + "&to=" + TO, null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        JsonNode total = reply.body().path("total");
        assertThat(total.path("started").asLong()).isEqualTo(count(a -> true, "STARTED"));

        // Per dealer and step, some refusal counts are small: published as "fewer than 5", never as the number.
        boolean sawSmall = false;
        for (String dealer : DEALERS) {
            JsonNode figures = find(reply.body().path("byDealer"), dealer).path("figures");
            for (String code : List.of("S4.CUSTOMS_NOT_PAID", "S19.UNPAID_FINES")) {
                long n = refusals(a -> a.dealer().equals(dealer), code.split("\\.")[0], code.split("\\.")[1]);
                JsonNode published = figures.path("refused." + code);
                if (n > 0 && n < 5) {
                    sawSmall = true;
                    assertThat(published.asString()).isEqualTo("fewer than 5");
                } else if (n >= 5) {
                    assertThat(published.asLong()).isEqualTo(n);
                }
            }
            assertThat(find(reply.body().path("byDealer"), dealer).path("name").asString()).isEqualTo("ТОО " + dealer);
        }
        assertThat(sawSmall).as("the generated set has small groups to hide").isTrue();

        Reply csv = client.get("/api/v1/regimes/" + CODE + "/results.csv?from=" + FROM + "&to=" + TO, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.raw().body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines).hasSize(1 + 1 + REGIONS.size() + DEALERS.size());
        assertThat(lines[0]).startsWith("regime,from,to,group,name,started,registered");
        assertThat(lines[1]).startsWith(CODE + ",2025-03-01,2025-05-31,all,," + count(a -> true, "STARTED") + ",");
    }

    @Test
    void theIndicatorsAreForTheAuthorityAndAuditorsAndAPeriodIsChecked() {
        assertThat(client.get("/api/v1/regimes/" + CODE + "/indicators?from=" + FROM + "&to=" + TO, null).status()).isEqualTo(401);
        assertThat(client.get("/api/v1/regimes/" + CODE + "/indicators?from=" + FROM + "&to=" + TO, client.signIn("buyer-aidar")).status()).isEqualTo(403);
        assertThat(client.get("/api/v1/regimes/" + CODE + "/indicators?from=" + FROM + "&to=" + TO, client.signIn("staff-auditor")).status()).isEqualTo(200);
        assertThat(client.get("/api/v1/regimes/" + CODE + "/results?from=2025-05-01&to=2025-04-01", null).code()).isEqualTo("PERIOD_INVALID");
        assertThat(client.get("/api/v1/regimes/" + CODE + "/results?from=2020-01-01&to=2025-04-01", null).code()).isEqualTo("PERIOD_TOO_LONG");
        assertThat(client.get("/api/v1/regimes/" + CODE + "/results?from=1.3.2025&to=2025-04-01", null).code()).isEqualTo("PERIOD_INVALID");
        assertThat(client.get("/api/v1/regimes/no-such-regime/results", null).status()).isEqualTo(404);
    }

    // --- what the test counts by itself ---

    private void assertTally(JsonNode tally, Predicate<Generated> in) {
        assertThat(tally.isMissingNode()).as("a group is missing").isFalse();
        assertThat(tally.path("started").asLong()).isEqualTo(count(in, "STARTED"));
        assertThat(tally.path("registered").asLong()).isEqualTo(count(in, "REGISTERED"));
        assertThat(tally.path("handedOver").asLong()).isEqualTo(count(in, "HANDED_OVER"));
        assertThat(tally.path("declined").asLong()).isEqualTo(count(in, "BUYER_DECLINED"));
        assertThat(tally.path("expired").asLong()).isEqualTo(count(in, "EXPIRED"));
        assertThat(tally.path("reviewsAsked").asLong()).isEqualTo(count(in, "REVIEW_REQUESTED"));
        assertThat(tally.path("reviewsOverturned").asLong()).isEqualTo(count(in, "REVIEW_OVERTURNED"));
        Map<String, Long> refused = new TreeMap<>();
        tally.path("refused").forEach(r -> refused.put(r.path("step").asString() + "." + r.path("code").asString(), r.path("count").asLong()));
        Map<String, Long> expected = new TreeMap<>();
        for (String key : List.of("S4.CUSTOMS_NOT_PAID", "S19.UNPAID_FINES")) {
            long n = refusals(in, key.split("\\.")[0], key.split("\\.")[1]);
            if (n > 0) {
                expected.put(key, n);
            }
        }
        assertThat(refused).as("final refusals only, by step and code").isEqualTo(expected);

        assertSpread(tally.path("toRegistered"), durations(in, "REGISTERED", "STARTED"));
        assertSpread(tally.path("toHandover"), durations(in, "HANDED_OVER", "REGISTERED"));

        List<Duration> waits = waits(in);
        assertThat(tally.path("outageWaits").asLong()).isEqualTo(waits.size());
        assertThat(Duration.parse(tally.path("outageWaitTime").asString())).isEqualTo(waits.stream().reduce(Duration.ZERO, Duration::plus));

        long[] notices = notices(in);
        assertThat(tally.path("noticesSent").asLong()).isEqualTo(notices[0]);
        assertThat(tally.path("noticesDelivered").asLong()).isEqualTo(notices[0]);
        assertThat(tally.path("noticesRead").asLong()).isEqualTo(notices[1]);
    }

    private void assertSpread(JsonNode spread, List<Duration> cases) {
        assertThat(spread.path("count").asLong()).isEqualTo(cases.size());
        if (cases.isEmpty()) {
            return;
        }
        assertThat(Duration.parse(spread.path("median").asString())).isEqualTo(percentile(cases, 0.5));
        assertThat(Duration.parse(spread.path("p90").asString())).isEqualTo(percentile(cases, 0.9));
    }

    private static boolean inPeriod(Instant at) {
        return !at.isBefore(PERIOD_START) && at.isBefore(PERIOD_END);
    }

    private long count(Predicate<Generated> in, String action) {
        return generated.stream().filter(in).flatMap(a -> a.events().stream()).filter(e -> e.action().equals(action) && inPeriod(e.at())).count();
    }

    private long refusals(Predicate<Generated> in, String step, String code) {
        return generated.stream().filter(in).flatMap(a -> a.events().stream())
                .filter(e -> e.status().equals("REFUSED") && code.equals(e.code()) && step.equals(e.step()) && inPeriod(e.at())).count();
    }

    /** From the first {@code from} event to each {@code to} event in the period. */
    private List<Duration> durations(Predicate<Generated> in, String to, String from) {
        List<Duration> durations = new ArrayList<>();
        for (Generated a : generated.stream().filter(in).toList()) {
            Instant start = a.events().stream().filter(e -> e.action().equals(from)).map(Event::at).findFirst().orElse(null);
            a.events().stream().filter(e -> e.action().equals(to) && inPeriod(e.at())).forEach(e -> durations.add(Duration.between(start, e.at())));
        }
        return durations;
    }

    /** The waits that began in the period: from the ask that ended waiting to the next ask. */
    private List<Duration> waits(Predicate<Generated> in) {
        List<Duration> waits = new ArrayList<>();
        for (Generated a : generated.stream().filter(in).toList()) {
            List<Event> events = a.events();
            for (int k = 0; k < events.size(); k++) {
                Event e = events.get(k);
                if (e.status().equals("WAITING_FOR_STATE_SYSTEM") && inPeriod(e.at())) {
                    Instant next = events.stream().map(Event::at).filter(at -> at.isAfter(e.at())).findFirst().orElseThrow();
                    waits.add(Duration.between(e.at(), next));
                }
            }
        }
        return waits;
    }

    private final Map<String, Instant> noticeTimes = new HashMap<>();
    private final Map<String, Boolean> noticeRead = new HashMap<>();

    private long[] notices(Predicate<Generated> in) {
        long sent = 0;
        long read = 0;
        for (Generated a : generated.stream().filter(in).toList()) {
            Instant at = noticeTimes.get(a.number());
            if (at != null && inPeriod(at)) {
                sent++;
                read += noticeRead.get(a.number()) ? 1 : 0;
            }
        }
        return new long[] {sent, read};
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    private static Duration percentile(List<Duration> cases, double p) {
        List<Duration> sorted = cases.stream().sorted(Comparator.naturalOrder()).toList();
        double position = p * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        double millis = sorted.get(lower).toMillis() + (position - lower) * (sorted.get(upper).toMillis() - sorted.get(lower).toMillis());
        return Duration.ofMillis(Math.round(millis));
    }

    private static JsonNode find(JsonNode groups, String key) {
        for (JsonNode group : groups) {
            if (group.path("key").asString().equals(key)) {
                return group;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    // --- writing the generated set ---

    private void write(Generated a) {
        UUID id = UUID.randomUUID();
        Instant created = a.events().getFirst().at();
        Instant updated = a.events().getLast().at();
        db.sql("""
                        insert into application (id, number, process_version, vin, seller_bin, seller_iin, buyer_iin, status, created_at, updated_at,
                                                 regime_code, regime_version)
                        values (?, ?, 'test', ?, ?, '900314312346', '900314312346', ?, ?, ?, ?, 1)""")
                .params(id, a.number(), vin(generated.indexOf(a)), a.dealer(), a.events().getLast().status(), utc(created), utc(updated), CODE)
                .update();
        int seq = 0;
        for (Event e : a.events()) {
            String evidence = e.action().equals("CHECK_PASSED") && e.step().equals("S1")
                    ? "{\"system\":\"LEGAL_ENTITIES\",\"facts\":{\"regionCode\":\"" + a.region() + "\",\"bin\":\"" + a.dealer() + "\"}}" : null;
            String detail = e.code() == null ? "{}" : "{\"code\":\"" + e.code() + "\"}";
            db.sql("""
                            insert into application_action (application_id, seq, at, actor, action, step, status, detail, evidence)
                            values (?, ?, ?, 'PLATFORM', ?, ?, ?, ?::jsonb, ?::jsonb)""")
                    .params(id, ++seq, utc(e.at()), e.action(), e.step(), e.status(), detail, evidence)
                    .update();
        }
    }

    private void notice(String number, Instant at, boolean read) {
        UUID notice = UUID.randomUUID();
        db.sql("insert into notices (id, recipient_iin, template, parameters, subject_reference, created_at, read_at) values (?, '900314312346', 'test', '{}'::jsonb, ?, ?, ?)")
                .params(notice, number, utc(at), read ? utc(at.plusSeconds(60)) : null).update();
        db.sql("""
                        insert into deliveries (id, notice_id, recipient_iin, purpose, channel, status, created_at, updated_at, delivered_at)
                        values (?, ?, '900314312346', 'NOTICE', 'INBOX', 'DELIVERED', ?, ?, ?)""")
                .params(UUID.randomUUID(), notice, utc(at), utc(at), utc(at)).update();
        noticeTimes.put(number, at);
        noticeRead.put(number, read);
    }

    /** Unique per run and application: one open application per VIN is the database's rule. */
    private static String vin(int index) {
        return "T" + CODE.substring(CODE.length() - 8).toUpperCase() + String.format("%08d", index);
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
