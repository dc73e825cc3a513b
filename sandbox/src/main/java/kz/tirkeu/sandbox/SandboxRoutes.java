package kz.tirkeu.sandbox;

import kz.tirkeu.sandbox.pages.IndexPage;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.web.NotFoundException;
import kz.tirkeu.sandbox.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * All of the sandbox's HTTP API as functional routes. Not {@code @RestController}s on purpose: the
 * server's component scan covers {@code kz.tirkeu.**}, and controllers found that way would be served
 * even with {@code tirkeu.sandbox.enabled=false}; routes built here exist only when the sandbox does.
 */
final class SandboxRoutes {

    private SandboxRoutes() {}

    /** What {@code GET /sandbox} answers: where its parts are. */
    record Index(String ca, String personas, String mbg, String sms, String smsPage, String mail, String signer, String ncalayer, String payments,
                 StateSystemsIndex stateSystems) {}

    /** Where the state systems are, and how many ready vehicles the seed has. */
    record StateSystemsIndex(String gbdul, String epts, String customs, String recycling, String gbdfl, String econtracts, String erap,
                             String psc, String readyVehicles, int readyVehicleCount, String scenarios, String faults,
                             String printCentre, String plateMaker, String digitalDocuments) {

        static StateSystemsIndex at(SandboxAddress address, int readyVehicleCount) {
            String base = address.base().toString();
            return new StateSystemsIndex(base + "/gbdul/v1/organisations/{bin}", base + "/epts/v1/passports/{vin}", base + "/customs/v1/payments/{vin}",
                    base + "/recycling/v1/fees/{vin}", base + "/gbdfl/v1/persons/{iin}", base + "/econtracts/v1/contracts?vin={vin}&sellerBin={bin}&buyerIin={iin}",
                    base + "/erap/v1/fines/{iin}", base + "/psc/v1/centres", base + "/seed/v1/ready-vehicles", readyVehicleCount,
                    base + "/scenarios", base + "/faults", base + "/print-centre/v1/jobs", base + "/plate-maker/v1/orders",
                    base + "/digital-documents/v1/shares");
        }
    }

    @SafeVarargs
    static RouterFunction<ServerResponse> of(SandboxAddress address, int readyVehicleCount, RouterFunction<ServerResponse>... parts) {
        RouterFunctions.Builder routes = RouterFunctions.route()
                // A browser gets the page; API clients (Accept: application/json or */*) the JSON below, as ever.
                .GET(SandboxAddress.PATH, Layout.wantsPage(), IndexPage::render)
                .GET(SandboxAddress.PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new Index(
                        address.resolve("/ca").toString(),
                        address.resolve("/personas").toString(),
                        address.base() + "/mbg/v1/subscribers/{iin}",
                        address.resolve("/sms/v1/messages").toString(),
                        address.resolve("/sms").toString(),
                        address.resolve("/mail/v1/messages").toString(),
                        address.resolve("/signer").toString(),
                        address.base().toString().replaceFirst("^http", "ws") + "/ncalayer",
                        address.resolve("/payments/v1/invoices").toString(),
                        StateSystemsIndex.at(address, readyVehicleCount))));
        for (RouterFunction<ServerResponse> part : parts) {
            routes.add(part);
        }
        return routes
                // Anything else below /sandbox is a mistyped address: say so in the API's own error format.
                .route(RequestPredicates.path(SandboxAddress.PATH + "/**"), request -> {
                    throw new NotFoundException("The sandbox has no " + request.method() + " " + request.path()
                            + "; GET " + SandboxAddress.PATH + " lists what it has.");
                })
                .onError(Exception.class, Problems::of)
                .build();
    }
}
