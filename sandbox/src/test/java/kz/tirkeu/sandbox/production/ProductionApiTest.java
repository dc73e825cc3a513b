package kz.tirkeu.sandbox.production;

import static kz.tirkeu.sandbox.SandboxHttp.json;
import static kz.tirkeu.sandbox.SandboxHttp.ok;
import static kz.tirkeu.sandbox.SandboxHttp.problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import kz.tirkeu.sandbox.SandboxHttp;
import kz.tirkeu.sandbox.SandboxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The print centre and the plate maker as the platform's adapters use them, and the tester's controls. */
@SandboxTest
class ProductionApiTest {

    @LocalServerPort
    int port;

    SandboxHttp sandbox;

    @BeforeEach
    void connect() {
        sandbox = SandboxHttp.onPort(port);
    }

    @AfterEach
    void faultsOff() {
        sandbox.delete("/faults");
    }

    private static String certificateNumber() {
        return "02" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).toUpperCase();
    }

    @Test
    void aPrintJobIsQueuedThenPrintedOnABlankThenDeliveredToThePsc() {
        String number = certificateNumber();
        var created = sandbox.postJson("/print-centre/v1/jobs",
                "{\"certificateNumber\": \"" + number + "\", \"pscCode\": \"ALM-01\", \"data\": {\"vin\": \"Y6DTF69YXT0000001\"}}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode job = json(created);
        assertThat(job.get("status").stringValue()).isEqualTo("QUEUED");
        assertThat(job.get("blankNumber").isNull()).isTrue();
        String id = job.get("jobId").stringValue();

        JsonNode printed = json(ok(sandbox.post("/print-centre/v1/jobs/" + id + "/advance")));
        assertThat(printed.get("status").stringValue()).isEqualTo("PRINTED");
        assertThat(printed.get("blankNumber").stringValue()).matches("KZ\\d{8,}");
        assertThat(Instant.parse(printed.get("printedAt").stringValue())).isBeforeOrEqualTo(Instant.now());

        JsonNode delivered = json(ok(sandbox.post("/print-centre/v1/jobs/" + id + "/advance")));
        assertThat(delivered.get("status").stringValue()).isEqualTo("DELIVERED_TO_PSC");
        assertThat(delivered.get("blankNumber").stringValue()).isEqualTo(printed.get("blankNumber").stringValue());
        assertThat(json(ok(sandbox.get("/print-centre/v1/jobs/" + id))).get("status").stringValue()).isEqualTo("DELIVERED_TO_PSC");

        assertThat(problem(sandbox.post("/print-centre/v1/jobs/" + id + "/advance"), 409).get("detail").stringValue()).contains("last stage");
    }

    @Test
    void theSameCertificateSentTwiceIsOneJob() {
        String body = "{\"certificateNumber\": \"" + certificateNumber() + "\", \"pscCode\": \"ALM-01\"}";
        JsonNode first = json(sandbox.postJson("/print-centre/v1/jobs", body));
        var again = sandbox.postJson("/print-centre/v1/jobs", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("jobId").stringValue()).isEqualTo(first.get("jobId").stringValue());
    }

    @Test
    void platesAreMadeWithSerialsThenDeliveredToThePsc() {
        var created = sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"" + plate() + "\", \"plateType\": \"STANDARD_SINGLE_LINE\", \"pscCode\": \"ALM-01\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode order = json(created);
        assertThat(order.get("status").stringValue()).isEqualTo("ACCEPTED");
        assertThat(order.get("serials")).isEmpty();
        String id = order.get("orderId").stringValue();

        JsonNode made = json(ok(sandbox.post("/plate-maker/v1/orders/" + id + "/advance")));
        assertThat(made.get("status").stringValue()).isEqualTo("MADE");
        assertThat(made.get("serials")).hasSize(2);
        JsonNode atPsc = json(ok(sandbox.post("/plate-maker/v1/orders/" + id + "/advance")));
        assertThat(atPsc.get("status").stringValue()).isEqualTo("AT_PSC");
        assertThat(atPsc.get("serials")).isEqualTo(made.get("serials"));
    }

    @Test
    void badOrdersAreProblems() {
        problem(sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"12 AB\", \"plateType\": \"STANDARD_SINGLE_LINE\", \"pscCode\": \"ALM-01\"}"), 400);
        assertThat(problem(sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"" + plate() + "\", \"plateType\": \"X\", \"pscCode\": \"ALM-03\"}"), 400)
                .get("detail").stringValue()).contains("does not issue plates");
        problem(sandbox.postJson("/print-centre/v1/jobs", "{\"pscCode\": \"ALM-01\"}"), 400);
        problem(sandbox.postJson("/print-centre/v1/jobs", "{\"certificateNumber\": \"X1\", \"pscCode\": \"NOPE-9\"}"), 400);
        problem(sandbox.get("/print-centre/v1/jobs/PJ-99999999"), 404);
        problem(sandbox.get("/plate-maker/v1/orders/PO-99999999"), 404);
    }

    @Test
    void anOutageOfThePrintCentreRefusesItsApiButNotTheTestersControls() {
        JsonNode job = json(sandbox.postJson("/print-centre/v1/jobs", "{\"certificateNumber\": \"" + certificateNumber() + "\", \"pscCode\": \"ALM-01\"}"));
        ok(sandbox.put("/faults/print-centre", "{\"outageUntil\": \"" + Instant.now().plusSeconds(600) + "\"}"));

        problem(sandbox.get("/print-centre/v1/jobs/" + job.get("jobId").stringValue()), 503);
        problem(sandbox.postJson("/print-centre/v1/jobs", "{\"certificateNumber\": \"" + certificateNumber() + "\", \"pscCode\": \"ALM-01\"}"), 503);
        ok(sandbox.post("/print-centre/v1/jobs/" + job.get("jobId").stringValue() + "/advance"));
        // The plate maker is another system: not affected.
        assertThat(sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"" + plate() + "\", \"plateType\": \"T\", \"pscCode\": \"ALM-01\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void anIntegratorListsJobsAndOrdersAsJsonWithZonedTimes() {
        String number = certificateNumber();
        String jobId = json(sandbox.postJson("/print-centre/v1/jobs", "{\"certificateNumber\": \"" + number + "\", \"pscCode\": \"AST-01\"}"))
                .get("jobId").stringValue();
        json(ok(sandbox.post("/print-centre/v1/jobs/" + jobId + "/advance")));
        String plate = plate();
        String orderId = json(sandbox.postJson("/plate-maker/v1/orders", "{\"plateNumber\": \"" + plate + "\", \"plateType\": \"STANDARD_SINGLE_LINE\", \"pscCode\": \"AST-01\"}"))
                .get("orderId").stringValue();

        JsonNode jobs = json(ok(sandbox.get("/print-centre/v1/jobs?certificateNumber=" + number)));
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("jobId").stringValue()).isEqualTo(jobId);
        assertThat(jobs.get(0).get("status").stringValue()).isEqualTo("PRINTED");
        assertZoned(jobs.get(0).get("queuedAt"));
        assertZoned(jobs.get(0).get("printedAt"));
        assertThat(jobs.get(0).get("deliveredAt").isNull()).isTrue();
        assertThat(json(ok(sandbox.get("/print-centre/v1/jobs"))).findValuesAsString("jobId")).contains(jobId);
        assertThat(json(ok(sandbox.get("/print-centre/v1/jobs?pscCode=AST-01"))).findValuesAsString("pscCode")).containsOnly("AST-01");

        JsonNode orders = json(ok(sandbox.get("/plate-maker/v1/orders?plateNumber=" + plate.replace(" ", "%20"))));
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).get("orderId").stringValue()).isEqualTo(orderId);
        assertZoned(orders.get(0).get("acceptedAt"));

        JsonNode both = json(ok(sandbox.get("/production")));
        assertThat(both.get("printJobs").findValuesAsString("jobId")).contains(jobId);
        assertThat(both.get("plateOrders").findValuesAsString("orderId")).contains(orderId);
        assertThat(json(ok(sandbox.get("/plate-maker/v1/orders/" + orderId))).get("status").stringValue()).isEqualTo("ACCEPTED");
    }

    /** An integrator's client parses times with their offset; a bare local time would be read in the machine's zone. */
    private static void assertZoned(JsonNode time) {
        assertThat(time.stringValue()).matches(".*T.*(Z|[+-]\\d{2}:\\d{2})");
        assertThat(OffsetDateTime.parse(time.stringValue()).toInstant()).isBeforeOrEqualTo(Instant.now());
    }

    private static String plate() {
        int n = (int) (Math.random() * 900) + 100;
        return n + " " + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26)) + (char) ('A' + (int) (Math.random() * 26)) + " 02";
    }
}
