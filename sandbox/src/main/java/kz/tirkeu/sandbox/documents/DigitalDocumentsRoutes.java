package kz.tirkeu.sandbox.documents;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.identity.InvalidIdentifierException;
import kz.tirkeu.sandbox.state.StateData;
import kz.tirkeu.sandbox.state.StateRecords.Person;
import kz.tirkeu.sandbox.web.BadRequestException;
import kz.tirkeu.sandbox.web.JsonBody;
import kz.tirkeu.sandbox.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The digital documents service over HTTP: {@code POST …/shares} is what the person's app does,
 * {@code GET …/shares/{code}} what the checker's system does. The document is the person's first
 * identity document in the sandbox's ГБД ФЛ, so both ways of checking at the PSC agree.
 */
public final class DigitalDocumentsRoutes {

    static final String SYSTEM = "digital-documents";
    private static final String EXAMPLE = "{\"iin\": \"900314312346\"}";

    private final DigitalDocuments documents;
    private final StateData data;

    public DigitalDocumentsRoutes(DigitalDocuments documents, StateData data) {
        this.documents = documents;
        this.data = data;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .POST("/sandbox/digital-documents/v1/shares", this::share)
                .GET("/sandbox/digital-documents/v1/shares/{code}", this::redeem)
                .build();
    }

    private ServerResponse share(ServerRequest request) throws IOException {
        String iin = JsonBody.of(request, 1024, EXAMPLE).requiredString("iin").strip();
        try {
            Iin.of(iin);
        } catch (InvalidIdentifierException e) {
            throw new BadRequestException(e.getMessage() + "; send " + EXAMPLE + ".");
        }
        Person person = data.person(iin).filter(p -> !p.documents().isEmpty())
                .orElseThrow(() -> new NotFoundException("ГБД ФЛ holds no identity document of " + iin + ", so there is nothing to share."));
        DigitalDocuments.Share share = documents.share(person.iin());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", share.code());
        body.put("iin", share.iin());
        body.put("expiresAt", share.expiresAt().toString());
        return ServerResponse.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ServerResponse redeem(ServerRequest request) {
        String code = request.pathVariable("code");
        if (!code.matches("\\d{6}")) {
            throw new BadRequestException("A share code is six digits, not '" + code + "'.");
        }
        DigitalDocuments.Share share = documents.redeem(code).orElseThrow(() -> new NotFoundException(
                "No document is shared under " + code + ": the code is wrong, was used already or is older than "
                        + DigitalDocuments.VALIDITY.toMinutes() + " minutes. The person makes a new one in the app."));
        Person person = data.person(share.iin()).orElseThrow();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("iin", person.iin());
        body.put("surname", person.surname());
        body.put("name", person.name());
        body.put("patronymic", person.patronymic());
        body.put("birthDate", person.birthDate());
        body.put("document", person.documents().getFirst());
        body.put("sharedUntil", share.expiresAt().toString());
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
