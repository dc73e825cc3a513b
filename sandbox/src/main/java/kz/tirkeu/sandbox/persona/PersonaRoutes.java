package kz.tirkeu.sandbox.persona;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.ca.RevocationReason;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The personas over HTTP:
 * <pre>
 *   GET  /sandbox/personas                             every persona and key (JSON)
 *   GET  /sandbox/personas/{id}                        one persona
 *   GET  /sandbox/personas/{id}/{auth|sign}.p12        the key file (password in the JSON)
 *   GET  /sandbox/personas/{id}/{auth|sign}.pem        the certificate alone
 *   POST /sandbox/personas/{id}/{auth|sign}/revocation revoke now; optional body {"reason": 1} or {"reason": "keyCompromise"}
 *   POST /sandbox/personas/{id}/{auth|sign}/renewal    a new key and certificate
 * </pre>
 */
public final class PersonaRoutes {

    static final MediaType PKCS12 = MediaType.parseMediaType("application/x-pkcs12");
    static final MediaType PEM_FILE = MediaType.parseMediaType("application/x-pem-file");
    private static final int MAX_REVOCATION_BODY = 4096;

    private final Personas personas;
    private final PersonaViews views;
    private final PersonasPage page;

    public PersonaRoutes(Personas personas, SandboxAddress address, Clock clock) {
        this(personas, address, clock, iin -> List.of());
    }

    /**
     * @param identityDocuments a person's identity documents in ГБД ФЛ by IIN, in the JSON and on the page, so that a tester
     *                          knows what the PSC's reception will ask to see (P8–P9)
     */
    public PersonaRoutes(Personas personas, SandboxAddress address, Clock clock, Function<String, List<IdentityDocument>> identityDocuments) {
        this.personas = personas;
        this.views = new PersonaViews(personas, address, clock, identityDocuments);
        this.page = new PersonasPage(personas, views);
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                // A browser gets the page; API clients the JSON, as ever.
                .GET("/sandbox/personas", Layout.wantsPage(), page::render)
                .GET("/sandbox/personas", request -> json(views.catalogue()))
                .GET("/sandbox/personas/{id}", request -> json(views.persona(persona(request))))
                .GET("/sandbox/personas/{id}/{file}", this::download)
                .POST("/sandbox/personas/{id}/{key}/revocation", this::revoke)
                .POST("/sandbox/personas/{id}/{key}/renewal", this::renew)
                .build();
    }

    private ServerResponse download(ServerRequest request) {
        Persona persona = persona(request);
        String file = request.pathVariable("file");
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        if (!extension.equals("p12") && !extension.equals("pem")) {
            throw new NotFoundException("A persona's files are auth.p12 and sign.p12 (key files) and auth.pem and sign.pem "
                    + "(certificates); there is no '" + file + "'.");
        }
        PersonaKey key = key(persona, file.substring(0, dot));
        boolean keyFile = extension.equals("p12");
        return ServerResponse.ok()
                .contentType(keyFile ? PKCS12 : PEM_FILE)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(persona.id() + "-" + file).build().toString())
                .body(keyFile ? key.pkcs12() : Pem.write(key.certificate()).getBytes(StandardCharsets.US_ASCII));
    }

    private ServerResponse revoke(ServerRequest request) throws IOException {
        PersonaKey key = key(persona(request), request.pathVariable("key"));
        personas.revoke(key, reasonIn(request));
        return fromPage(request) ? backToPage(request, key, "revoked") : json(views.key(key));
    }

    private ServerResponse renew(ServerRequest request) {
        Persona persona = persona(request);
        PersonaKey current = key(persona, request.pathVariable("key"));
        PersonaKey renewed = personas.renew(persona, current.purpose());
        return fromPage(request) ? backToPage(request, renewed, "renewed") : json(views.key(renewed));
    }

    /** The personas page's buttons post a form (no fields); API clients post JSON or nothing. */
    private static boolean fromPage(ServerRequest request) {
        return request.headers().contentType().filter(MediaType.APPLICATION_FORM_URLENCODED::isCompatibleWith).isPresent();
    }

    private static ServerResponse backToPage(ServerRequest request, PersonaKey key, String what) {
        return Layout.seeOther(request, "/sandbox/personas" + Layout.query(java.util.Map.of("done", key.persona().id() + " " + key.purpose() + " " + what))
                + "#" + key.persona().id());
    }

    private Persona persona(ServerRequest request) {
        String id = request.pathVariable("id");
        return personas.find(id).orElseThrow(() -> new NotFoundException("There is no persona '" + id + "'. GET /sandbox/personas "
                + "lists them: " + personas.all().stream().map(Persona::id).collect(Collectors.joining(", ")) + "."));
    }

    private PersonaKey key(Persona persona, String name) {
        KeyPurpose purpose = switch (name) {
            case "auth" -> KeyPurpose.AUTH;
            case "sign" -> KeyPurpose.SIGN;
            default -> null;
        };
        if (purpose == null || !persona.holds(purpose)) {
            throw new NotFoundException("Persona '" + persona.id() + "' holds " + keyNames(persona) + "; there is no '" + name + "' key.");
        }
        return personas.key(persona, purpose)
                .orElseThrow(() -> new IllegalStateException(persona.id() + " has no " + purpose + " key although the catalogue lists one"));
    }

    private static String keyNames(Persona persona) {
        return persona.purposes().stream().map(PersonaKey::fileStem).collect(Collectors.joining(" and ", "", persona.purposes().size() == 1 ? " key only" : " keys"));
    }

    /** The RFC 5280 reason in an optional JSON body; no body means unspecified, as a CA's revocation form defaults to. */
    private static RevocationReason reasonIn(ServerRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.servletRequest().getInputStream()) {
            body = in.readNBytes(MAX_REVOCATION_BODY + 1);
        }
        if (body.length > MAX_REVOCATION_BODY) {
            throw new BadRequestException("The revocation body is too big; send {\"reason\": <code>} or nothing.");
        }
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        JsonNode json;
        try {
            json = JsonMapper.shared().readTree(body);
        } catch (JacksonException e) {
            throw new BadRequestException("The revocation body is not JSON (" + e.getOriginalMessage() + "); send {\"reason\": 1}, "
                    + "{\"reason\": \"keyCompromise\"} or nothing.");
        }
        if (json == null || !json.isObject()) {
            throw new BadRequestException("The revocation body must be a JSON object such as {\"reason\": 1}, or nothing.");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = json.properties().iterator(); fields.hasNext(); ) {
            String field = fields.next().getKey();
            if (!field.equals("reason")) {
                throw new BadRequestException("The revocation body understands only \"reason\"; '" + field + "' is not known.");
            }
        }
        JsonNode reason = json.get("reason");
        if (reason == null || reason.isNull()) {
            return RevocationReason.UNSPECIFIED;
        }
        if (reason.isInt()) {
            return RevocationReason.ofCode(reason.intValue()).orElseThrow(() -> unknownReason(reason.toString()));
        }
        if (reason.isString()) {
            return RevocationReason.ofName(reason.stringValue()).orElseThrow(() -> unknownReason(reason.stringValue()));
        }
        throw unknownReason(reason.toString());
    }

    private static BadRequestException unknownReason(String given) {
        return new BadRequestException("'" + given + "' is not a revocation reason this CA uses; the RFC 5280 reasons are "
                + RevocationReason.accepted() + ".");
    }

    private static ServerResponse json(Object body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
