package kz.tirkeu.sandbox.production;

import kz.tirkeu.sandbox.pages.Layout;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kz.tirkeu.sandbox.state.StateData;
import kz.tirkeu.sandbox.state.StateSystemFaults;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.JsonBody;
import kz.tirkeu.sandbox.web.NotFoundException;
import kz.tirkeu.sandbox.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MVD print centre (ИПЦ, G6), which prints registration certificates on card blanks and delivers
 * them to the PSC, and the plate maker, which makes the plates and delivers them there too. Each behind
 * its faults ({@code print-centre}, {@code plate-maker}); the {@code …/advance} controls are the
 * tester's and have none, nor have the lists. Times are ISO-8601 instants in UTC ({@code …Z}). The contracts are in
 * sandbox/README.md.
 */
public final class ProductionRoutes {

    static final String PRINT_CENTRE = "print-centre";
    static final String PLATE_MAKER = "plate-maker";
    private static final Pattern PLATE = Pattern.compile("\\d{3} [A-Z]{2,3} \\d{2}");
    private static final String JOB_EXAMPLE = "{\"certificateNumber\": \"02AB123456\", \"pscCode\": \"ALM-01\", \"data\": {…the certificate's fields…}}";
    private static final String ORDER_EXAMPLE = "{\"plateNumber\": \"123 ABC 02\", \"plateType\": \"STANDARD_SINGLE_LINE\", \"pscCode\": \"ALM-01\"}";

    private final ProductionLine printJobs;
    private final ProductionLine plateOrders;
    private final StateData data;
    private final StateSystemFaults faults;
    private final ProductionPage page;

    public ProductionRoutes(ProductionSettings settings, StateData data, StateSystemFaults faults) {
        this.printJobs = new ProductionLine(List.of("QUEUED", "PRINTED", "DELIVERED_TO_PSC"),
                List.of(settings.printDelay(), settings.deliveryDelay()), "PJ-", settings.clock());
        this.plateOrders = new ProductionLine(List.of("ACCEPTED", "MADE", "AT_PSC"),
                List.of(settings.plateDelay(), settings.deliveryDelay()), "PO-", settings.clock());
        this.data = data;
        this.faults = faults;
        this.page = new ProductionPage(printJobs, plateOrders, this::job, this::order, settings.printDelay());
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .add(RouterFunctions.route()
                        .POST("/sandbox/print-centre/v1/jobs", this::submitJob)
                        .GET("/sandbox/print-centre/v1/jobs/{jobId}", request -> json(HttpStatus.OK, job(found(printJobs, request, "jobId"))))
                        .build().filter(faults.filter(PRINT_CENTRE, request -> true)))
                .add(RouterFunctions.route()
                        .POST("/sandbox/plate-maker/v1/orders", this::submitOrder)
                        .GET("/sandbox/plate-maker/v1/orders/{orderId}", request -> json(HttpStatus.OK, order(found(plateOrders, request, "orderId"))))
                        .build().filter(faults.filter(PLATE_MAKER, request -> true)))
                // The testers' and integrators' view of both lines, newest first, and the page with its buttons: no faults either.
                .GET("/sandbox/print-centre/v1/jobs", request -> json(HttpStatus.OK, listed(printJobs, request, "certificateNumber", this::job)))
                .GET("/sandbox/plate-maker/v1/orders", request -> json(HttpStatus.OK, listed(plateOrders, request, "plateNumber", this::order)))
                .GET("/sandbox/production", Layout.wantsPage(), page::render)
                .GET("/sandbox/production", request -> json(HttpStatus.OK, new Lines(printJobs.all().stream().map(this::job).toList(),
                        plateOrders.all().stream().map(this::order).toList())))
                .POST("/sandbox/production/print-centre/{jobId}/advance", request -> advanceOnPage(printJobs, request, "jobId"))
                .POST("/sandbox/production/plate-maker/{orderId}/advance", request -> advanceOnPage(plateOrders, request, "orderId"))
                .POST("/sandbox/print-centre/v1/jobs/{jobId}/advance", request -> advance(printJobs, request, "jobId", this::job))
                .POST("/sandbox/plate-maker/v1/orders/{orderId}/advance", request -> advance(plateOrders, request, "orderId", this::order))
                .build();
    }

    private ServerResponse submitJob(ServerRequest request) throws IOException {
        JsonBody body = JsonBody.of(request, 64 * 1024, JOB_EXAMPLE);
        String number = body.requiredString("certificateNumber").strip();
        String psc = platePsc(body.requiredString("pscCode").strip());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("certificateNumber", number);
        body.optionalObject("data").ifPresent(d -> fields.put("data", JsonMapper.shared().convertValue(d, Map.class)));
        ProductionLine.Submitted submitted = printJobs.submit(number, psc, fields);
        return json(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK, job(submitted.item()));
    }

    private ServerResponse submitOrder(ServerRequest request) throws IOException {
        JsonBody body = JsonBody.of(request, 4096, ORDER_EXAMPLE);
        String plate = body.requiredString("plateNumber").strip();
        if (!PLATE.matcher(plate).matches()) {
            throw new BadRequestException("plateNumber must look like 123 ABC 02 (or 123 AB 02 for a legal entity), not '" + plate + "'.");
        }
        String type = body.requiredString("plateType").strip();
        String psc = platePsc(body.requiredString("pscCode").strip());
        ProductionLine.Submitted submitted = plateOrders.submit(plate, psc, Map.of("plateNumber", plate, "plateType", type));
        return json(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK, order(submitted.item()));
    }

    /** Only a centre that issues plates receives documents. */
    private String platePsc(String code) {
        var centre = data.centres().stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new BadRequestException("There is no public service centre " + code + "; GET /sandbox/psc/v1/centres lists them."));
        if (!centre.issuesPlates()) {
            throw new BadRequestException(code + " does not issue plates, so documents are not delivered there; choose a centre with issuesPlates true.");
        }
        return code;
    }

    /** {@code GET /sandbox/production} for API clients: both lines, newest first. */
    record Lines(List<Map<String, Object>> printJobs, List<Map<String, Object>> plateOrders) {}

    /** A line's items, newest first, narrowed by {@code ?<reference>=…} and {@code ?pscCode=…} when given. */
    private static List<Map<String, Object>> listed(ProductionLine line, ServerRequest request, String referenceParameter,
                                                    java.util.function.Function<ProductionLine.Item, Map<String, Object>> view) {
        java.util.Optional<String> reference = request.param(referenceParameter).map(String::strip);
        java.util.Optional<String> psc = request.param("pscCode").map(String::strip);
        return line.all().stream()
                .filter(item -> reference.map(item.reference()::equals).orElse(true))
                .filter(item -> psc.map(item.pscCode()::equals).orElse(true))
                .map(view).toList();
    }

    private static ProductionLine.Item found(ProductionLine line, ServerRequest request, String variable) {
        String id = request.pathVariable(variable);
        return line.find(id).orElseThrow(() -> new NotFoundException("There is no " + (variable.equals("jobId") ? "print job " : "plate order ") + id
                + " (the sandbox forgets them when it restarts)."));
    }

    private ServerResponse advance(ProductionLine line, ServerRequest request, String variable, java.util.function.Function<ProductionLine.Item, Map<String, Object>> view) {
        ProductionLine.Item item = found(line, request, variable);
        return line.advance(item.id())
                .map(moved -> json(HttpStatus.OK, view.apply(moved)))
                .orElseGet(() -> Problems.problem(HttpStatus.CONFLICT, item.id() + " is already " + line.status(item) + ", the last stage.", request));
    }

    private static ServerResponse advanceOnPage(ProductionLine line, ServerRequest request, String variable) {
        String id = request.pathVariable(variable);
        if (line.find(id).isEmpty()) {
            return Layout.seeOther(request, "/sandbox/production" + Layout.query(Map.of("error", "There is no " + id + " (the sandbox forgets them when it restarts).")));
        }
        line.advance(id);
        return Layout.seeOther(request, "/sandbox/production" + Layout.query(Map.of("moved", id)) + "#" + id);
    }

    private Map<String, Object> job(ProductionLine.Item item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("jobId", item.id());
        view.put("certificateNumber", item.reference());
        view.put("pscCode", item.pscCode());
        view.put("status", printJobs.status(item));
        view.put("blankNumber", printJobs.reached(item, "PRINTED") ? String.format("KZ%08d", 10_000_000 + ProductionLine.serialOf(item)) : null);
        view.put("queuedAt", item.createdAt().toString());
        view.put("printedAt", at(printJobs, item, "PRINTED"));
        view.put("deliveredAt", at(printJobs, item, "DELIVERED_TO_PSC"));
        return view;
    }

    private Map<String, Object> order(ProductionLine.Item item) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("orderId", item.id());
        view.put("plateNumber", item.reference());
        view.put("plateType", item.request().get("plateType"));
        view.put("pscCode", item.pscCode());
        view.put("status", plateOrders.status(item));
        long serial = ProductionLine.serialOf(item);
        // Two plates, front and rear, each with a serial number stamped on it.
        view.put("serials", plateOrders.reached(item, "MADE")
                ? List.of(String.format("P%08d", 2 * serial - 1), String.format("P%08d", 2 * serial)) : List.of());
        view.put("acceptedAt", item.createdAt().toString());
        view.put("madeAt", at(plateOrders, item, "MADE"));
        view.put("atPscAt", at(plateOrders, item, "AT_PSC"));
        return view;
    }

    private static String at(ProductionLine line, ProductionLine.Item item, String stage) {
        return line.reached(item, stage) ? line.reachedAt(item, stage).toString() : null;
    }

    private static ServerResponse json(HttpStatus status, Object body) {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** @param clock the sandbox's own time; the platform's test clock does not move it */
    public record ProductionSettings(java.time.Duration printDelay, java.time.Duration deliveryDelay, java.time.Duration plateDelay, java.time.Clock clock) {}
}
