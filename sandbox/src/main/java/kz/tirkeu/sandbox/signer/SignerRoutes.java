package kz.tirkeu.sandbox.signer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.PersonaKind;
import kz.tirkeu.sandbox.persona.Personas;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.JsonBody;
import kz.tirkeu.sandbox.web.NotFoundException;
import kz.tirkeu.sandbox.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Choosing whose key the sandbox signer holds, per device:
 * <pre>
 *   GET    /sandbox/signer                      the page: personas and a button each (sets the device cookie)
 *   POST   /sandbox/signer                      the page's form: personaId (empty to remove the key)
 *   GET    /sandbox/signer/devices/{deviceId}   whose key a device holds (404: none)
 *   PUT    /sandbox/signer/devices/{deviceId}   {"personaId": "buyer-aidar"}: insert that persona's key
 *   DELETE /sandbox/signer/devices/{deviceId}   remove it
 *   GET    /sandbox/ncalayer                    426: the signer itself is a WebSocket there
 * </pre>
 */
public final class SignerRoutes {

    static final int MAX_BODY_BYTES = 4096;
    private static final Duration COOKIE_LIFETIME = Duration.ofDays(365);

    /** Whose key a device holds, and who that is. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DeviceView(String deviceId, String personaId, PersonaKind kind, String displayName, String iin, String bin,
                      String organisation, List<String> keys) {
        static DeviceView of(String deviceId, Persona persona) {
            return new DeviceView(deviceId, persona.id(), persona.kind(), persona.displayName(), persona.iin().map(Iin::value).orElse(null),
                    persona.bin().map(Bin::value).orElse(null), persona.organisation().orElse(null),
                    persona.purposes().stream().map(Enum::name).toList());
        }
    }

    private final Personas personas;
    private final SignerDevices devices;
    private final SignerPage page;

    public SignerRoutes(Personas personas, SignerDevices devices, SandboxAddress address) {
        this.personas = personas;
        this.devices = devices;
        this.page = new SignerPage(personas, address);
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/sandbox/signer", this::page)
                .POST("/sandbox/signer", this::choose)
                .GET("/sandbox/signer/devices/{deviceId}", this::device)
                .PUT("/sandbox/signer/devices/{deviceId}", this::insert)
                .DELETE("/sandbox/signer/devices/{deviceId}", this::remove)
                .GET(NcaLayerEndpoint.PATH, request -> Problems.problem(HttpStatus.UPGRADE_REQUIRED, "The sandbox signer speaks the "
                        + "NCALayer protocol over WebSocket here: connect to ws://…" + NcaLayerEndpoint.PATH + " (after choosing a key at "
                        + "/sandbox/signer) as to NCALayer's wss://127.0.0.1:13579.", request))
                .build();
    }

    private ServerResponse page(ServerRequest request) {
        Optional<String> known = DeviceHandshake.cookie(request.servletRequest());
        String device = known.orElseGet(SignerDevices::newDeviceId);
        String html = page.render(request, device, devices.inserted(device).flatMap(personas::find));
        ServerResponse.BodyBuilder response = ServerResponse.ok().contentType(MediaType.parseMediaType("text/html;charset=UTF-8"));
        if (known.isEmpty()) {
            response.header(HttpHeaders.SET_COOKIE, cookie(request, device));
        }
        Language.chosenIn(request).ifPresent(language -> response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(Language.COOKIE, language.tag())
                .path("/").maxAge(COOKIE_LIFETIME).sameSite("Lax").build().toString()));
        return response.body(html);
    }

    private ServerResponse choose(ServerRequest request) {
        Optional<String> known = DeviceHandshake.cookie(request.servletRequest());
        String device = known.orElseGet(SignerDevices::newDeviceId);
        String personaId = request.param("personaId").orElse("").strip();
        if (personaId.isEmpty()) {
            devices.remove(device);
        } else {
            devices.insert(device, persona(personaId, BadRequestException::new).id());
        }
        ServerResponse.BodyBuilder response = ServerResponse.status(HttpStatus.SEE_OTHER)
                .location(URI.create(request.requestPath().contextPath().value() + "/sandbox/signer"));
        if (known.isEmpty()) {
            response.header(HttpHeaders.SET_COOKIE, cookie(request, device));
        }
        return response.build();
    }

    private ServerResponse device(ServerRequest request) {
        String device = deviceId(request);
        Persona persona = devices.inserted(device).flatMap(personas::find).orElseThrow(() -> new NotFoundException("Device '" + device
                + "' holds no key; PUT {\"personaId\": \"…\"} here, or choose one at /sandbox/signer."));
        return json(DeviceView.of(device, persona));
    }

    private ServerResponse insert(ServerRequest request) throws IOException {
        String device = deviceId(request);
        String personaId = JsonBody.of(request, MAX_BODY_BYTES, "{\"personaId\": \"buyer-aidar\"}").requiredString("personaId");
        Persona persona = persona(personaId, BadRequestException::new);
        devices.insert(device, persona.id());
        return json(DeviceView.of(device, persona));
    }

    private ServerResponse remove(ServerRequest request) {
        devices.remove(deviceId(request));
        return ServerResponse.noContent().build();
    }

    private static String deviceId(ServerRequest request) {
        String device = request.pathVariable("deviceId");
        if (!SignerDevices.isDeviceId(device)) {
            throw new BadRequestException("A device id is 1 to 64 letters, digits, '-' or '_'; '" + device + "' is not.");
        }
        return device;
    }

    private Persona persona(String id, java.util.function.Function<String, RuntimeException> error) {
        return personas.find(id).orElseThrow(() -> error.apply("There is no persona '" + id + "'; the personas are "
                + personas.all().stream().map(Persona::id).collect(Collectors.joining(", ")) + "."));
    }

    /** Below /sandbox only: the platform's WebSocket to /sandbox/ncalayer carries it, nothing else needs it. */
    private static String cookie(ServerRequest request, String device) {
        return ResponseCookie.from(SignerDevices.COOKIE, device)
                .path(request.requestPath().contextPath().value() + SandboxAddress.PATH)
                .maxAge(COOKIE_LIFETIME)
                .httpOnly(true)
                .sameSite("Lax")
                .build()
                .toString();
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
