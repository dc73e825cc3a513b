package kz.tirkeu.sandbox.mbg;

import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * МБГ over HTTP:
 * <pre>
 *   GET /sandbox/mbg/v1/subscribers/{iin}   200 {"iin": "…", "phone": "+77011234567"}
 *                                           404 problem: no phone registered for this IIN
 *                                           400 problem: not an IIN (length or check digit)
 *   DELETE /sandbox/mbg/v1/subscribers/{iin}   sandbox control: the person's number is withdrawn (204), as when a
 *                                           SIM is given up; МБГ then answers 404 for them
 *   PUT    /sandbox/mbg/v1/subscribers/{iin}   sandbox control: the catalogue number is registered again (204)
 * </pre>
 */
public final class MbgRoutes {

    /** What МБГ answers for a person with a registered phone. */
    record Subscriber(String iin, String phone) {}

    private final MobileCitizensBase mbg;

    public MbgRoutes(MobileCitizensBase mbg) {
        this.mbg = mbg;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/sandbox/mbg/v1/subscribers/{iin}", this::subscriber)
                .DELETE("/sandbox/mbg/v1/subscribers/{iin}", request -> {
                    mbg.withdraw(iinIn(request.pathVariable("iin")));
                    return ServerResponse.noContent().build();
                })
                .PUT("/sandbox/mbg/v1/subscribers/{iin}", request -> {
                    mbg.restore(iinIn(request.pathVariable("iin")));
                    return ServerResponse.noContent().build();
                })
                .build();
    }

    private ServerResponse subscriber(ServerRequest request) {
        Iin iin = iinIn(request.pathVariable("iin"));
        return mbg.registeredPhone(iin)
                .map(phone -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(new Subscriber(iin.value(), phone.e164())))
                .orElseThrow(() -> new NotFoundException("МБГ holds no phone for IIN " + iin.value()
                        + ". (In the sandbox every person of GET /sandbox/personas has one, but for the buyer marked \"no phone in МБГ\".)"));
    }

    private static Iin iinIn(String value) {
        try {
            return Iin.of(value);
        } catch (InvalidIdentifierException e) {
            throw new BadRequestException(e.getMessage() + ". МБГ is asked by a valid IIN: 12 digits, the last a check digit.");
        }
    }
}
