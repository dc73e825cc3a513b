package kz.tirkeu.sandbox.state;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.persona.PersonaCatalogue;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The state systems over HTTP (ГБД ЮЛ, ЭПТС, КГД, «Жасыл даму», ГБД ФЛ, e-contracts, ЕРАП, the ЦОН
 * catalogue), each behind its faults, and the tester's side: the seed's ready vehicles, the scenario
 * catalogue and the fault settings. The contracts are in sandbox/README.md.
 */
public final class StateSystemRoutes {

    /** How many ready vehicles one page may hold. */
    static final int MAX_PAGE = 1000;
    private static final String FAULTS_EXAMPLE =
            "{\"latencyMs\": 0, \"errorRate\": 0.0, \"timeoutRate\": 0.0, \"malformedRate\": 0.0, \"outageUntil\": \"2026-11-22T12:00:00Z\" or null}";

    private final StateData data;
    private final StateSystemFaults faults;
    private final Map<String, AtomicInteger> contractRequests = new ConcurrentHashMap<>();
    private final ScenariosPage scenariosPage;
    private final FaultsPage faultsPage;

    public StateSystemRoutes(StateData data, StateSystemFaults faults, PersonaCatalogue catalogue) {
        this.data = data;
        this.faults = faults;
        this.scenariosPage = new ScenariosPage(data, catalogue);
        this.faultsPage = new FaultsPage(faults, Clock.systemUTC());
        faults.onReset(contractRequests::clear);
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .add(system("gbdul", RouterFunctions.route().GET("/sandbox/gbdul/v1/organisations/{bin}", this::organisation)))
                .add(system("epts", RouterFunctions.route().GET("/sandbox/epts/v1/passports/{vin}", this::passport)))
                .add(system("customs", RouterFunctions.route().GET("/sandbox/customs/v1/payments/{vin}", this::customs)))
                .add(system("recycling", RouterFunctions.route().GET("/sandbox/recycling/v1/fees/{vin}", this::recycling)))
                .add(system("gbdfl", RouterFunctions.route().GET("/sandbox/gbdfl/v1/persons/{iin}", this::person)))
                .add(system("econtracts", RouterFunctions.route().GET("/sandbox/econtracts/v1/contracts", this::contract)))
                .add(system("erap", RouterFunctions.route().GET("/sandbox/erap/v1/fines/{iin}", this::fines)))
                .add(system("psc", RouterFunctions.route()
                        .GET("/sandbox/psc/v1/centres", this::centres)
                        .GET("/sandbox/psc/v1/centres/{code}", this::centre)))
                // Sandbox controls, outside the systems' fault filters: the world changes between steps.
                .POST("/sandbox/erap/v1/fines/{iin}", this::issueFine)
                .DELETE("/sandbox/erap/v1/fines/{iin}/{protocolNumber}", this::payFine)
                .GET("/sandbox/seed/v1/ready-vehicles", this::readyVehicles)
                .POST("/sandbox/seed/v1/ready-vehicles", this::makeReadyVehicle)
                // Browsers get pages at the same addresses; API clients (Accept: application/json or */*) the JSON, as ever.
                .GET("/sandbox/scenarios", Layout.wantsPage(), scenariosPage::render)
                .GET("/sandbox/scenarios", request -> json(data.scenarios()))
                .POST("/sandbox/scenarios/fines", this::issueFineOnPage)
                .POST("/sandbox/scenarios/fines/paid", this::payFineOnPage)
                .GET("/sandbox/faults", Layout.wantsPage(), faultsPage::render)
                .GET("/sandbox/faults", request -> json(faults.all()))
                .POST("/sandbox/faults/reset", request -> {
                    faults.reset();
                    return Layout.seeOther(request, "/sandbox/faults?done=all");
                })
                .POST("/sandbox/faults/{system}", this::setFaultsOnPage)
                .PUT("/sandbox/faults/{system}", this::setFaults)
                .DELETE("/sandbox/faults", request -> {
                    faults.reset();
                    return json(faults.all());
                })
                .build();
    }

    private RouterFunction<ServerResponse> system(String system, RouterFunctions.Builder routes) {
        return routes.build().filter(faults.filter(system, request -> true));
    }

    private ServerResponse organisation(ServerRequest request) {
        Bin bin = binIn(request.pathVariable("bin"));
        return json(data.organisation(bin.value()).orElseThrow(() -> new NotFoundException(
                "ГБД ЮЛ has no legal entity with BIN " + bin.value() + ". The dealers of GET /sandbox/personas are there.")));
    }

    private ServerResponse passport(ServerRequest request) {
        String vin = vinIn(request);
        return json(data.passport(vin).orElseThrow(() -> new NotFoundException("ЭПТС has no passport for VIN " + vin
                + ". GET /sandbox/seed/v1/ready-vehicles lists VINs that have one.")));
    }

    private ServerResponse customs(ServerRequest request) {
        String vin = vinIn(request);
        return json(data.customs(vin).orElseThrow(() -> new NotFoundException("КГД has no customs payment record for VIN " + vin + ".")));
    }

    private ServerResponse recycling(ServerRequest request) {
        String vin = vinIn(request);
        return json(data.recycling(vin).orElseThrow(() -> new NotFoundException("«Жасыл даму» has no recycling fee record for VIN " + vin + ".")));
    }

    private ServerResponse person(ServerRequest request) {
        Iin iin = iinIn(request.pathVariable("iin"));
        return json(data.person(iin.value()).orElseThrow(() -> new NotFoundException("ГБД ФЛ has no person with IIN " + iin.value() + ".")));
    }

    private ServerResponse contract(ServerRequest request) {
        String example = "?vin=…&sellerBin=…&buyerIin=…";
        String vin = request.param("vin").map(String::trim).filter(Vins::isWellFormed)
                .orElseThrow(() -> new BadRequestException("vin is missing or not a VIN (17 characters, digits and Latin letters but I, O, Q); ask " + example + "."));
        Bin seller = binIn(request.param("sellerBin").orElseThrow(() -> new BadRequestException("sellerBin is missing; ask " + example + ".")));
        Iin buyer = iinIn(request.param("buyerIin").orElseThrow(() -> new BadRequestException("buyerIin is missing; ask " + example + ".")));
        if (data.contractAppearsAfterRetries(vin)) {
            int asked = contractRequests.computeIfAbsent(vin, key -> new AtomicInteger()).incrementAndGet();
            if (asked <= 2) {
                return StateSystemFaults.unavailable(request, "The e-contract systems are still gathering the contract for " + vin
                        + " (request " + asked + " of the sandbox's \"appears after a retry\" scenario); ask again.", 1);
            }
        }
        return json(data.contract(vin, seller.value(), buyer.value()).orElseThrow(() -> new NotFoundException(
                "The e-contract systems hold no sale contract for VIN " + vin + " between seller " + seller.value() + " and buyer " + buyer.value() + ".")));
    }

    private ServerResponse fines(ServerRequest request) {
        return json(data.fines(iinIn(request.pathVariable("iin")).value()));
    }

    private ServerResponse issueFine(ServerRequest request) {
        String iin = iinIn(request.pathVariable("iin")).value();
        long amount;
        try {
            amount = request.param("amountKzt").map(Long::parseLong).orElse(5 * StateData.MRP);
        } catch (NumberFormatException e) {
            throw new BadRequestException("amountKzt is a positive whole number of tenge.");
        }
        if (amount <= 0) {
            throw new BadRequestException("amountKzt is a positive whole number of tenge.");
        }
        return ServerResponse.status(org.springframework.http.HttpStatus.CREATED).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(data.issueFine(iin, amount, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty"))));
    }

    private ServerResponse payFine(ServerRequest request) {
        String iin = iinIn(request.pathVariable("iin")).value();
        if (!data.payFine(iin, request.pathVariable("protocolNumber"))) {
            throw new kz.tirkeu.sandbox.web.NotFoundException("ЕРАП has no unpaid fine " + request.pathVariable("protocolNumber") + " of " + iin + ".");
        }
        return ServerResponse.noContent().build();
    }

    private ServerResponse centres(ServerRequest request) {
        var region = request.param("region");
        if (region.isPresent() && Regions.byCode(region.get()).isEmpty()) {
            throw new BadRequestException("region must be a region code 01–20 (DOMAIN §5.2), not '" + region.get() + "'.");
        }
        return json(data.centres().stream().filter(centre -> region.map(centre.regionCode()::equals).orElse(true)).toList());
    }

    private ServerResponse centre(ServerRequest request) {
        String code = request.pathVariable("code");
        return json(data.centres().stream().filter(centre -> centre.code().equals(code)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no public service centre " + code + "; GET /sandbox/psc/v1/centres lists them.")));
    }

    /**
     * ?buyerIin=…&sellerBin=… (the seller defaults to dealer 1): a new ready vehicle. The scenarios page's form
     * posts the same fields and is sent back to the page, which shows the new VIN (or what was wrong).
     */
    private ServerResponse makeReadyVehicle(ServerRequest request) {
        if (!fromPage(request)) {
            return madeReadyVehicle(request);
        }
        try {
            String buyer = buyerOf(request);
            StateRecords.ReadyVehicle made = data.makeReadyVehicle(sellerOf(request), buyer);
            return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("vin", made.vin(), "seller", made.sellerBin(),
                    "buyer", made.buyerIin())) + "#fresh");
        } catch (BadRequestException e) {
            return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("vehicleError", e.getMessage())) + "#fresh");
        }
    }

    private ServerResponse madeReadyVehicle(ServerRequest request) {
        String buyer = buyerOf(request);
        return ServerResponse.status(org.springframework.http.HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON)
                .body(data.makeReadyVehicle(sellerOf(request), buyer));
    }

    private String buyerOf(ServerRequest request) {
        return iinIn(request.param("buyerIin").map(String::strip).orElseThrow(() -> new BadRequestException("Give buyerIin, the buyer's 12-digit IIN."))).value();
    }

    private String sellerOf(ServerRequest request) {
        String seller = request.param("sellerBin").map(bin -> {
            try {
                return Bin.of(bin).value();
            } catch (InvalidIdentifierException e) {
                throw new BadRequestException("sellerBin is not a BIN: " + e.getMessage());
            }
        }).orElse(data.dealer(1));
        if (data.organisation(seller).isEmpty()) {
            throw new BadRequestException("ГБД ЮЛ has no organisation " + seller + ".");
        }
        return seller;
    }

    private static boolean fromPage(ServerRequest request) {
        return request.headers().contentType().filter(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).isPresent();
    }

    private ServerResponse issueFineOnPage(ServerRequest request) {
        try {
            String iin = iinIn(request.param("iin").map(String::strip).orElse("")).value();
            long amount = request.param("amountKzt").filter(a -> !a.isBlank()).map(a -> {
                try {
                    return Long.parseLong(a.strip());
                } catch (NumberFormatException e) {
                    return -1L;
                }
            }).orElse(5 * StateData.MRP);
            if (amount <= 0) {
                throw new BadRequestException("The amount is a positive whole number of tenge.");
            }
            StateRecords.Fine fine = data.issueFine(iin, amount, java.time.LocalDate.now(java.time.ZoneId.of("Asia/Almaty")));
            return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("fines", "+ " + fine.protocolNumber() + " " + iin)) + "#erap");
        } catch (BadRequestException e) {
            return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("fineError", e.getMessage())) + "#erap");
        }
    }

    private ServerResponse payFineOnPage(ServerRequest request) {
        String iin = iinIn(request.param("iin").orElse("")).value();
        String protocol = request.param("protocolNumber").orElse("");
        if (!data.payFine(iin, protocol)) {
            return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("fineError", "ЕРАП has no unpaid fine " + protocol + " of " + iin + ".")) + "#erap");
        }
        return Layout.seeOther(request, "/sandbox/scenarios" + Layout.query(java.util.Map.of("fines", "✓ " + protocol + " " + iin)) + "#erap");
    }

    private ServerResponse setFaultsOnPage(ServerRequest request) {
        String system = request.pathVariable("system");
        if (!StateSystemFaults.SYSTEMS.contains(system)) {
            throw new NotFoundException("There is no state system '" + system + "'; faults are set for one of " + StateSystemFaults.SYSTEMS + ".");
        }
        try {
            faults.set(system, request.param("do").filter("reset"::equals).isPresent() ? StateSystemFaults.Settings.NONE : faultsPage.settingsFrom(request));
        } catch (IllegalArgumentException e) {
            return Layout.seeOther(request, "/sandbox/faults" + Layout.query(java.util.Map.of("error", e.getMessage(), "system", system)) + "#" + system);
        }
        return Layout.seeOther(request, "/sandbox/faults" + Layout.query(java.util.Map.of("done", system)) + "#" + system);
    }

    private ServerResponse readyVehicles(ServerRequest request) {
        if (request.param("buyerIin").isPresent()) {
            return json(data.readyVehiclesOf(iinIn(request.param("buyerIin").get()).value()));
        }
        int offset = number(request, "offset", 0);
        int limit = number(request, "limit", 100);
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new BadRequestException("offset must be 0 or more and limit 1–" + MAX_PAGE + ".");
        }
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
                .header("X-Total-Count", String.valueOf(data.readyVehicleCount()))
                .body(data.readyVehicles(offset, limit));
    }

    private ServerResponse setFaults(ServerRequest request) throws IOException {
        String system = request.pathVariable("system");
        if (!StateSystemFaults.SYSTEMS.contains(system)) {
            throw new NotFoundException("There is no state system '" + system + "'; faults are set for one of " + StateSystemFaults.SYSTEMS + ".");
        }
        JsonNode body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = JsonMapper.shared().readTree(in.readNBytes(4096));
        } catch (JacksonException e) {
            throw new BadRequestException("The body is not JSON; send " + FAULTS_EXAMPLE + ".");
        }
        if (body == null || !body.isObject()) {
            throw new BadRequestException("Send a JSON object: " + FAULTS_EXAMPLE + ".");
        }
        try {
            String outage = body.hasNonNull("outageUntil") ? body.get("outageUntil").asString() : null;
            if (outage != null) {
                Instant.parse(outage);
            }
            faults.set(system, new StateSystemFaults.Settings(number(body, "latencyMs").longValue(), number(body, "errorRate").doubleValue(),
                    number(body, "timeoutRate").doubleValue(), number(body, "malformedRate").doubleValue(), outage));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new BadRequestException(e.getMessage() + " Send " + FAULTS_EXAMPLE + ".");
        }
        return json(faults.of(system));
    }

    private static Number number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("\"" + field + "\" must be a number.");
        }
        return value.numberValue();
    }

    private static int number(ServerRequest request, String name, int otherwise) {
        try {
            return request.param(name).map(Integer::parseInt).orElse(otherwise);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number.");
        }
    }

    private static String vinIn(ServerRequest request) {
        String vin = request.pathVariable("vin");
        if (!Vins.isWellFormed(vin)) {
            throw new BadRequestException("'" + vin + "' is not a VIN: 17 characters, digits and Latin capitals but I, O and Q.");
        }
        return vin;
    }

    private static Bin binIn(String value) {
        return identifier(value, Bin::of, "BIN");
    }

    private static Iin iinIn(String value) {
        return identifier(value, Iin::of, "IIN");
    }

    private static <T> T identifier(String value, Function<String, T> parse, String kind) {
        try {
            return parse.apply(value);
        } catch (InvalidIdentifierException e) {
            throw new BadRequestException(e.getMessage() + ". Ask by a valid " + kind + ": 12 digits, the last a check digit.");
        }
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
