package kz.tirkeu.issuance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.issuance.production.ProductionWorker;
import kz.tirkeu.issuance.psc.CollectionView;
import kz.tirkeu.issuance.psc.PscCollections;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.testing.TestClock;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;

/**
 * Chapter 2 end to end over real HTTP: orders made through {@link CollectionOrders} (as the registration
 * decision will), production in the sandbox driven by its controls, the buyer's ready notice, and the
 * PSC operator's reception and handover through the API.
 */
@TirkeuServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionAtThePscTest {

    static final String PSC = "ALM-01";

    @LocalServerPort
    int port;

    @Autowired
    CollectionOrders orders;

    @Autowired
    CollectionTable table;

    @Autowired
    TestClock clock;

    @Autowired
    ProductionWorker worker;

    @Autowired
    IssuanceProperties issuance;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient db;

    @Autowired
    PscCollections pscCollections;

    @Autowired
    ConfigurableApplicationContext context;

    TirkeuClient client;
    String operator;
    String buyerIin;

    /** Each issuance event, and whether a transaction was open when it was published. */
    record Published(IssuanceEvent event, boolean inTransaction) {}

    final Queue<Published> events = new ConcurrentLinkedQueue<>();

    @BeforeAll
    void setUp() {
        client = new TirkeuClient(port);
        operator = client.signIn("staff-psc-operator");
        buyerIin = client.get("/sandbox/personas/buyer-aidar", null).body().path("iin").asString();
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof IssuanceEvent issuance) {
                events.add(new Published(issuance, TransactionSynchronizationManager.isActualTransactionActive()));
            }
        });
    }

    @AfterEach
    void faultsOffAndClockBack() {
        client.send(HttpRequest.newBuilder(URI.create(client.base() + "/sandbox/faults")).DELETE(), null);
        clock.reset();
    }

    @Test
    void anOrderGoesThroughPrintAndPlatesToReadyAndTheBuyerIsTold() {
        CollectionOrder order = newOrder();
        orders.expect(order);
        orders.expect(order); // the decision retried: still one order, one print job
        assertThat(table.openAtPsc(PSC, Instant.EPOCH).stream().filter(r -> r.order().applicationNumber().equals(order.applicationNumber()))).hasSize(1);

        JsonNode submitted = await("submitted to production", () -> collection(order),
                view -> view.path("certificate").path("status").asString().equals("QUEUED") && view.path("plates").path("status").asString().equals("ORDERED"));
        assertThat(submitted.path("status").asString()).isEqualTo("IN_PRODUCTION");
        assertThat(submitted.path("ready").asBoolean()).isFalse();

        produce(order);
        JsonNode ready = await("ready", () -> collection(order), view -> view.path("ready").asBoolean());
        CollectionRecord record = table.find(order.applicationNumber()).orElseThrow();
        JsonNode job = client.get("/sandbox/print-centre/v1/jobs/" + record.printJobId().orElseThrow(), null).body();
        JsonNode plates = client.get("/sandbox/plate-maker/v1/orders/" + record.plateOrderId().orElseThrow(), null).body();
        assertThat(ready.path("status").asString()).isEqualTo("READY");
        assertThat(ready.path("certificate").path("status").asString()).isEqualTo("DELIVERED_TO_PSC");
        assertThat(ready.path("certificate").path("blankNumber").asString()).isEqualTo(job.path("blankNumber").asString()).isNotBlank();
        assertThat(ready.path("plates").path("status").asString()).isEqualTo("AT_PSC");
        assertThat(ready.path("plates").path("serials")).isEqualTo(plates.path("serials")).hasSize(2);
        assertThat(ready.path("overdue").asBoolean()).isFalse();

        JsonNode centre = client.get("/sandbox/psc/v1/centres/" + PSC, null).body();
        String buyer = client.signIn("buyer-aidar");
        JsonNode notice = await("the ready notice", () -> noticeAbout(buyer, order.applicationNumber()), n -> !n.isMissingNode());
        assertThat(notice.path("template").asString()).isEqualTo("issuance.documents-ready");
        assertThat(notice.path("body").asString()).contains(centre.path("name").asString()).contains(centre.path("address").asString())
                .contains(order.applicationNumber());

        List<Published> ready1 = eventsOf(order, IssuanceEvent.DocumentsReady.class);
        assertThat(ready1).hasSize(1);
        assertThat(ready1.getFirst().inTransaction()).as("published inside the transaction that records it").isTrue();
        assertThat(((IssuanceEvent.DocumentsReady) ready1.getFirst().event()).pscCode()).isEqualTo(PSC);
    }

    @Test
    void aJobOrOrderProductionLostIsGivenAgainAndTheDocumentsStillArrive() {
        CollectionOrder order = newOrder();
        orders.expect(order);
        CollectionRecord submitted = await("submitted", () -> table.find(order.applicationNumber()).orElseThrow(),
                record -> record.printJobId().isPresent() && record.plateOrderId().isPresent());
        // Production restarted without its queue: the ids the platform holds mean nothing there any more.
        context.getBean(JdbcClient.class).sql("""
                        update collection_order set print_job_id = 'JOB-FORGOTTEN', plate_order_id = 'ORDER-FORGOTTEN', next_check_at = now()
                         where application_number = ?""").param(order.applicationNumber()).update();

        CollectionRecord again = await("given again", () -> table.find(order.applicationNumber()).orElseThrow(),
                record -> !record.printJobId().get().equals("JOB-FORGOTTEN") && !record.plateOrderId().get().equals("ORDER-FORGOTTEN"));

        assertThat(again.printJobId()).as("the print centre keys jobs by certificate number: the same job").isEqualTo(submitted.printJobId());
        assertThat(again.plateOrderId()).isEqualTo(submitted.plateOrderId());
        assertThat(again.lastProblem()).isEmpty();
        produce(order);
        assertThat(await("ready", () -> collection(order), view -> view.path("ready").asBoolean()).path("status").asString()).isEqualTo("READY");
    }

    @Test
    void receptionChecksAGbdFlDocumentOrADigitalDocumentsCodeAndIssuesAQueueTicket() {
        CollectionOrder first = readyOrder();
        CollectionOrder second = readyOrder();

        Reply byDocument = client.post(reception(), Map.of("applicationNumber", first.applicationNumber(), "documentNumber", documentNumber()), operator);
        assertThat(byDocument.status()).as(byDocument.body().toString()).isEqualTo(200);
        String ticket = byDocument.body().path("queueTicket").asString();
        assertThat(ticket).matches("R-\\d{3}");
        assertThat(byDocument.body().path("identityCheckedBy").asString()).isEqualTo("GBD_FL_DOCUMENT");
        assertThat(byDocument.body().path("collections")).hasSize(1);
        assertThat(byDocument.body().path("collections").get(0).path("queueTicket").asString()).isEqualTo(ticket);

        // The same buyer at reception again the same day: the same ticket, not a second place in the queue.
        Reply again = client.post(reception(), Map.of("applicationNumber", first.applicationNumber(), "documentNumber", documentNumber()), operator);
        assertThat(again.body().path("queueTicket").asString()).isEqualTo(ticket);

        String code = shareCode(buyerIin);
        Reply byCode = client.post(reception(), Map.of("applicationNumber", second.applicationNumber(), "shareCode", code), operator);
        assertThat(byCode.status()).as(byCode.body().toString()).isEqualTo(200);
        assertThat(byCode.body().path("identityCheckedBy").asString()).isEqualTo("DIGITAL_DOCUMENTS");
        int firstNumber = Integer.parseInt(ticket.substring(2));
        assertThat(Integer.parseInt(byCode.body().path("queueTicket").asString().substring(2))).isGreaterThan(firstNumber);

        List<Published> tickets = eventsOf(first, IssuanceEvent.QueueTicketIssued.class);
        assertThat(tickets).hasSize(1);
        IssuanceEvent.QueueTicketIssued issued = (IssuanceEvent.QueueTicketIssued) tickets.getFirst().event();
        assertThat(issued.ticket()).isEqualTo(ticket);
        assertThat(issued.identityCheckedBy()).isEqualTo("GBD_FL_DOCUMENT");
        assertThat(issued.operatorIin()).isEqualTo(client.get("/sandbox/personas/staff-psc-operator", null).body().path("iin").asString());
        assertThat(tickets.getFirst().inTransaction()).isTrue();
    }

    @Test
    void receptionNeedsNoApplicationNumberAndGivesOneTicketForAllThePersonsWaitingDocuments() {
        CollectionOrder first = readyOrder();
        CollectionOrder second = readyOrder();

        Reply byDocument = client.post(reception(), Map.of("iin", buyerIin, "documentNumber", documentNumber()), operator);

        assertThat(byDocument.status()).as(byDocument.body().toString()).isEqualTo(200);
        String ticket = byDocument.body().path("queueTicket").asString();
        List<String> covered = new ArrayList<>();
        byDocument.body().path("collections").forEach(view -> {
            covered.add(view.path("applicationNumber").asString());
            assertThat(view.path("queueTicket").asString()).isEqualTo(ticket);
            assertThat(view.path("status").asString()).isEqualTo("READY");
        });
        assertThat(covered).contains(first.applicationNumber(), second.applicationNumber());
        assertThat(eventsOf(second, IssuanceEvent.QueueTicketIssued.class)).hasSize(1);
        // The ticket page, opened afresh at either application, says what the ticket covers.
        String ticketPage = client.get("/psc/" + PSC + "/reception/" + second.applicationNumber(), operator).raw().body();
        assertThat(ticketPage).contains(ticket).contains("id=\"ticket-for\"").contains(first.applicationNumber());
        Reply byCode = client.post(reception(), Map.of("shareCode", shareCode(buyerIin)), operator);
        assertThat(byCode.body().path("queueTicket").asString()).as("the same person again today").isEqualTo(ticket);
        assertThat(byCode.body().path("identityCheckedBy").asString()).isEqualTo("DIGITAL_DOCUMENTS");

        assertThat(client.post(reception(), Map.of("documentNumber", documentNumber()), operator).code()).isEqualTo("IIN_MISSING");
        assertThat(client.post(reception(), Map.of("iin", "123456789012", "documentNumber", documentNumber()), operator).code()).isEqualTo("IIN_INVALID");
        String danaIin = client.get("/sandbox/personas/buyer-dana", null).body().path("iin").asString();
        Reply aidarsDocumentWithDanasIin = client.post(reception(), Map.of("iin", danaIin, "documentNumber", documentNumber()), operator);
        assertThat(aidarsDocumentWithDanasIin.code()).isEqualTo("IDENTITY_DOCUMENT_NOT_THE_OWNERS");
        // buyer-yerlan's fines stop every application of his before the decision: nothing of his is ever at a PSC.
        String yerlanIin = client.get("/sandbox/personas/buyer-yerlan", null).body().path("iin").asString();
        String yerlansDocument = client.get("/sandbox/gbdfl/v1/persons/" + yerlanIin, null).body().path("documents").get(0).path("number").asString();
        Reply nothingForYerlan = client.post(reception(), Map.of("iin", yerlanIin, "documentNumber", yerlansDocument), operator);
        assertThat(nothingForYerlan.status()).isEqualTo(404);
        assertThat(nothingForYerlan.code()).isEqualTo("NOTHING_TO_COLLECT");
    }

    @Test
    void aDocumentThatIsNotTheOwnersIsRefused() {
        CollectionOrder order = readyOrder();

        Reply unknownDocument = client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "documentNumber", "000000001"), operator);
        assertThat(unknownDocument.status()).isEqualTo(422);
        assertThat(unknownDocument.code()).isEqualTo("IDENTITY_DOCUMENT_NOT_THE_OWNERS");
        assertThat(unknownDocument.raw().headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");

        String danaIin = client.get("/sandbox/personas/buyer-dana", null).body().path("iin").asString();
        Reply someoneElse = client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "shareCode", shareCode(danaIin)), operator);
        assertThat(someoneElse.status()).isEqualTo(422);
        assertThat(someoneElse.code()).isEqualTo("IDENTITY_NOT_THE_OWNER");

        Reply usedCode = client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "shareCode", "000000"), operator);
        assertThat(usedCode.code()).isEqualTo("SHARE_CODE_INVALID");

        Reply nothing = client.post(reception(), Map.of("applicationNumber", order.applicationNumber()), operator);
        assertThat(nothing.status()).isEqualTo(400);
        assertThat(nothing.code()).isEqualTo("IDENTITY_PROOF_MISSING");
        assertThat(eventsOf(order, IssuanceEvent.QueueTicketIssued.class)).isEmpty();
    }

    @Test
    void handoverRecordsTheSerialsAndTheBlankOnceAndOnlyWhatProductionMade() {
        CollectionOrder order = readyOrder();
        CollectionRecord made = table.find(order.applicationNumber()).orElseThrow();
        String blank = made.certificateBlankNumber().orElseThrow();
        List<String> serials = made.plateSerials();
        // Issue [11]: the handover was accepted without reception (P8) and its queue ticket.
        Reply unreceived = client.post(handover(order), Map.of("documentNumber", documentNumber(), "plateSerials", serials,
                "certificateBlankNumber", blank), operator);
        assertThat(unreceived.status()).isEqualTo(409);
        assertThat(unreceived.code()).isEqualTo("NOT_RECEIVED");
        assertThat(client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "documentNumber", documentNumber()), operator)
                .status()).isEqualTo(200);

        Reply wrongPlates = client.post(handover(order), Map.of("documentNumber", documentNumber(), "plateSerials", List.of("P00000000", serials.get(1)),
                "certificateBlankNumber", blank), operator);
        assertThat(wrongPlates.status()).isEqualTo(422);
        assertThat(wrongPlates.code()).isEqualTo("PLATE_SERIALS_MISMATCH");
        Reply wrongCard = client.post(handover(order), Map.of("documentNumber", documentNumber(), "plateSerials", serials,
                "certificateBlankNumber", "KZ00000000"), operator);
        assertThat(wrongCard.code()).isEqualTo("CERTIFICATE_BLANK_MISMATCH");
        assertThat(wrongCard.body().path("detail").asString()).contains(blank);

        Map<String, Object> right = Map.of("shareCode", shareCode(buyerIin), "plateSerials", List.of(serials.get(1), serials.get(0)), "certificateBlankNumber", blank);
        Reply handed = post(handover(order), right, "handover-" + order.applicationNumber());
        assertThat(handed.status()).as(handed.body().toString()).isEqualTo(200);
        assertThat(handed.body().path("status").asString()).isEqualTo("HANDED_OVER");
        assertThat(handed.body().path("handedOverAt").isNull()).isFalse();
        assertThat(handed.body().path("certificate").path("status").asString()).as("the card is the owner's now").isEqualTo("HANDED_OVER");
        assertThat(handed.body().path("plates").path("status").asString()).isEqualTo("HANDED_OVER");
        // The same request again (a lost answer retried with its Idempotency-Key): the same answer, nothing done twice.
        Reply replay = post(handover(order), right, "handover-" + order.applicationNumber());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.raw().headers().firstValue("Idempotent-Replay")).contains("true");

        Reply twice = client.post(handover(order), Map.of("documentNumber", documentNumber(), "plateSerials", serials, "certificateBlankNumber", blank), operator);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("ALREADY_HANDED_OVER");
        Reply receptionAfter = client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "documentNumber", documentNumber()), operator);
        assertThat(receptionAfter.status()).isEqualTo(409);

        List<Published> handedOver = eventsOf(order, IssuanceEvent.DocumentsHandedOver.class);
        assertThat(handedOver).hasSize(1);
        IssuanceEvent.DocumentsHandedOver event = (IssuanceEvent.DocumentsHandedOver) handedOver.getFirst().event();
        assertThat(event.plateSerials()).containsExactlyInAnyOrderElementsOf(serials);
        assertThat(event.certificateBlankNumber()).isEqualTo(blank);
        assertThat(handedOver.getFirst().inTransaction()).isTrue();
        assertThat(collections("?status=HANDED_OVER")).anyMatch(view -> view.path("applicationNumber").asString().equals(order.applicationNumber()));
    }

    /**
     * Issue [11]: after production restarted, a second car got a card blank and plate serials another car had, and they
     * were stored and handed over. The database refuses a number twice; the worker keeps nothing of such an answer and asks again.
     */
    @Test
    void aBlankOrASerialAnotherCarHasIsRefusedAndProductionAskedAgain() {
        CollectionOrder first = readyOrder();
        CollectionRecord made = table.find(first.applicationNumber()).orElseThrow();
        CollectionOrder second = newOrder();
        orders.expect(second);
        CollectionRecord submitted = await("submitted", () -> table.find(second.applicationNumber()).orElseThrow(),
                record -> record.printJobId().isPresent() && record.plateOrderId().isPresent());

        assertThatThrownBy(() -> db.sql("update collection_order set certificate_blank_number = ? where application_number = ?")
                .params(made.certificateBlankNumber().orElseThrow(), second.applicationNumber()).update()).as("the database itself")
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThatThrownBy(() -> db.sql("update collection_order set plate_serials = ? where application_number = ?")
                .params(new String[] {made.plateSerials().getFirst(), "P-NEW"}, second.applicationNumber()).update())
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);

        // As if a restarted print centre gave the second car a blank the platform knows from before: the sandbox's blank of
        // a job is KZ followed by 10,000,000 plus the job's number (sandbox ProductionRoutes), claimed here for the first car.
        String repeated = String.format("KZ%08d", 10_000_000 + Long.parseLong(submitted.printJobId().get().replaceAll("\\D", "")));
        db.sql("insert into production_number (kind, number, application_number) values ('CERTIFICATE_BLANK', ?, ?)")
                .params(repeated, first.applicationNumber()).update();
        try {
            produce(second);
            String problem = await("refused", () -> db.sql("select coalesce(last_problem, '') from collection_order where application_number = ?")
                    .param(second.applicationNumber()).query(String.class).single(), text -> text.contains("another application already has"));
            assertThat(problem).contains(repeated);
            assertThat(table.find(second.applicationNumber()).orElseThrow().certificateBlankNumber()).as("nothing of that answer kept").isEmpty();
            assertThat(collection(second).path("ready").asBoolean()).isFalse();
        } finally {
            db.sql("delete from production_number where number = ? and application_number = ?").params(repeated, first.applicationNumber()).update();
        }
        await("ready once production gives a number of its own", () -> collection(second), view -> view.path("ready").asBoolean());
    }

    @Test
    void nothingIsHandedOverOrQueuedBeforeItIsReady() {
        CollectionOrder order = newOrder();
        orders.expect(order);

        Reply early = client.post(handover(order), Map.of("documentNumber", documentNumber(), "plateSerials", List.of("P1", "P2"), "certificateBlankNumber", "KZ1"), operator);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("DOCUMENTS_NOT_READY");
        Reply earlyReception = client.post(reception(), Map.of("applicationNumber", order.applicationNumber(), "documentNumber", documentNumber()), operator);
        assertThat(earlyReception.code()).isEqualTo("DOCUMENTS_NOT_READY");
        assertThat(collections("?status=IN_PRODUCTION")).anyMatch(view -> view.path("applicationNumber").asString().equals(order.applicationNumber()));
    }

    @Test
    void documentsNotCollectedWithinTheCollectionPeriodAreFlaggedOverdue() {
        CollectionOrder order = readyOrder();
        assertThat(collections("?overdue=true")).noneMatch(view -> view.path("applicationNumber").asString().equals(order.applicationNumber()));
        assertThat(collections("?overdue=false")).anyMatch(view -> view.path("applicationNumber").asString().equals(order.applicationNumber()));
        // A month on, no session or OCSP answer of today is fresh, so the operator is asked for in person, as the API would.
        SignedInPerson alm01 = new SignedInPerson(UUID.randomUUID(), Iin.of(client.get("/sandbox/personas/staff-psc-operator", null).body().path("iin").asString()),
                Optional.empty(), "PSC operator", Set.of(Role.PSC_OPERATOR), Map.of(Role.PSC_OPERATOR, Set.of(PSC)), Set.of());

        clock.advance(Duration.ofDays(29));
        assertThat(pscCollections.find(alm01, PSC, order.applicationNumber()).overdue()).isFalse();

        clock.advance(Duration.ofDays(2));
        CollectionView late = pscCollections.find(alm01, PSC, order.applicationNumber());
        assertThat(late.overdue()).isTrue();
        assertThat(late.collectBy()).isEqualTo(late.readyAt().plus(Duration.ofDays(30)));
        assertThat(pscCollections.expected(alm01, PSC, null, true)).extracting(CollectionView::applicationNumber).contains(order.applicationNumber());
        assertThat(pscCollections.expected(alm01, PSC, "READY", false)).extracting(CollectionView::applicationNumber).doesNotContain(order.applicationNumber());
    }

    @Test
    void anOperatorOfAnotherPscSeesNothingHere() {
        CollectionOrder order = newOrder();
        orders.expect(order);

        Reply list = client.get("/api/v1/psc/ALM-02/collections", operator);
        assertThat(list.status()).isEqualTo(403);
        assertThat(list.code()).isEqualTo("NOT_YOUR_PSC");
        // The order is ALM-01's: asked for under ALM-02 by ALM-01's operator, or by a buyer, it is not shown.
        assertThat(client.get("/api/v1/psc/ALM-02/collections/" + order.applicationNumber(), operator).status()).isEqualTo(403);
        Reply buyer = client.get("/api/v1/psc/" + PSC + "/collections/" + order.applicationNumber(), client.signIn("buyer-aidar"));
        assertThat(buyer.status()).isEqualTo(403);
        assertThat(buyer.code()).isEqualTo("NOT_ALLOWED");
        assertThat(client.get("/api/v1/psc/" + PSC + "/collections/A-2026-000000", operator).code()).isEqualTo("COLLECTION_NOT_FOUND");
        assertThat(client.get("/api/v1/psc/" + PSC + "/collections?status=LOST", operator).code()).isEqualTo("STATUS_UNKNOWN");
    }

    @Test
    void anOutageOfThePrintCentreIsWaitedOutAndTheOrderIsNotLost() {
        Reply outage = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/sandbox/faults/print-centre")).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"outageUntil\": \"" + Instant.now().plusSeconds(600) + "\"}")), null);
        assertThat(outage.status()).isEqualTo(200);
        CollectionOrder order = newOrder();
        orders.expect(order);

        JsonNode waiting = await("waiting for the print centre", () -> collection(order), view -> !view.path("waitingFor").isNull());
        assertThat(waiting.path("waitingFor").asString()).contains("print-centre");
        assertThat(waiting.path("certificate").path("status").asString()).isEqualTo("AWAITING_SUBMISSION");
        assertThat(waiting.path("plates").path("status").asString()).isEqualTo("ORDERED");

        client.send(HttpRequest.newBuilder(URI.create(client.base() + "/sandbox/faults")).DELETE(), null);
        // The print centre asked to come back in 60 s; the wait below lets that time pass on the platform's clock.
        JsonNode queued = await("submitted after the outage", () -> collection(order),
                view -> view.path("certificate").path("status").asString().equals("QUEUED"));
        assertThat(queued.path("waitingFor").isNull()).isTrue();
        produce(order);
        await("ready after the outage", () -> collection(order), view -> view.path("ready").asBoolean());
    }

    // --- helpers ---

    private CollectionOrder newOrder() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Not an application's number (those are A-…): these orders stand alone, without an application's log.
        String number = String.format("T-2026-%06d", random.nextInt(1_000_000));
        String letters = "" + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
        return new CollectionOrder(number, Iin.of(buyerIin), "Aidar (buyer-aidar)", "Y6DTF69YXT" + String.format("%07d", random.nextInt(10_000_000)), PSC,
                String.format("%03d %s 02", 100 + random.nextInt(900), letters), "STANDARD_SINGLE_LINE", String.format("02%08d", random.nextInt(100_000_000)));
    }

    private CollectionOrder readyOrder() {
        CollectionOrder order = newOrder();
        orders.expect(order);
        produce(order);
        await("ready", () -> collection(order), view -> view.path("ready").asBoolean());
        return order;
    }

    /** The sandbox's controls: the print job and the plate order moved to their last stage. */
    private void produce(CollectionOrder order) {
        CollectionRecord submitted = await("submitted", () -> table.find(order.applicationNumber()).orElseThrow(),
                record -> record.printJobId().isPresent() && record.plateOrderId().isPresent());
        finish("/sandbox/print-centre/v1/jobs/" + submitted.printJobId().get(), "DELIVERED_TO_PSC");
        finish("/sandbox/plate-maker/v1/orders/" + submitted.plateOrderId().get(), "AT_PSC");
    }

    private void finish(String path, String last) {
        while (!client.get(path, null).body().path("status").asString().equals(last)) {
            client.post(path + "/advance", "", null);
        }
    }

    private JsonNode collection(CollectionOrder order) {
        Reply reply = client.get("/api/v1/psc/" + PSC + "/collections/" + order.applicationNumber(), operator);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private List<JsonNode> collections(String query) {
        Reply reply = client.get("/api/v1/psc/" + PSC + "/collections" + query, operator);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<JsonNode> all = new ArrayList<>();
        reply.body().forEach(all::add);
        return all;
    }

    private JsonNode noticeAbout(String token, String applicationNumber) {
        for (JsonNode notice : client.get("/api/v1/notices", token).body().path("notices")) {
            if (applicationNumber.equals(notice.path("subjectReference").asString())) {
                return notice;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }

    private String documentNumber() {
        return client.get("/sandbox/gbdfl/v1/persons/" + buyerIin, null).body().path("documents").get(0).path("number").asString();
    }

    private String shareCode(String iin) {
        Reply share = client.post("/sandbox/digital-documents/v1/shares", Map.of("iin", iin), null);
        assertThat(share.status()).isEqualTo(201);
        return share.body().path("code").asString();
    }

    private Reply post(String path, Object body, String idempotencyKey) {
        return client.send(HttpRequest.newBuilder(URI.create(client.base() + path)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(client.json().writeValueAsString(body))), operator);
    }

    private static String reception() {
        return "/api/v1/psc/" + PSC + "/reception";
    }

    private static String handover(CollectionOrder order) {
        return "/api/v1/psc/" + PSC + "/collections/" + order.applicationNumber() + "/handover";
    }

    private List<Published> eventsOf(CollectionOrder order, Class<? extends IssuanceEvent> type) {
        return events.stream().filter(p -> type.isInstance(p.event()) && p.event().applicationNumber().equals(order.applicationNumber())).toList();
    }

    /**
     * Until {@code done}: between two looks the platform's clock moves on by the worker's poll interval and the real
     * production worker takes a round, so what it would do after that wait happens now (the test took 60 s of waiting).
     */
    private <T> T await(String what, Supplier<T> look, java.util.function.Predicate<T> done) {
        Duration pollEvery = issuance.worker().pollEvery();
        return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    T now = look.get();
                    if (!done.test(now)) {
                        clock.advance(pollEvery);
                        worker.tick();
                    }
                    return now;
                }, done::test);
    }
}
