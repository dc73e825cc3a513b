package kz.tirkeu.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The machine-readable description of the REST API (Digital Code Arts. 18(3), 19(6)), served at
 * /v3/api-docs; partner channels (dealer systems, bank apps) build their clients from it.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    @Bean
    OpenAPI tirkeuOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Tirkeu API").version("v1")
                        .description("""
                                Primary registration of new vehicles in Kazakhstan (order 754/499). The algorithm itself, as data: \
                                GET /api/v1/process-definition.

                                **Signing in.** With an EDS AUTH key and a second factor: POST /api/v1/auth/challenges → sign \
                                `dataToSign` → POST /api/v1/auth/sign-ins {challengeId, signature} → the one-time code to \
                                POST /api/v1/auth/sign-ins/{signInId}/confirmation {code} → a bearer token (15 minutes), sent as \
                                `Authorization: Bearer <token>` on every operation that is not marked public (security scheme `bearer`). \
                                In the sandbox the code goes by SMS to the person's phone in МБГ (GET /sandbox/mbg/v1/subscribers/{iin}); \
                                the sandbox SMS centre lists what each number received, newest first (GET /sandbox/sms/v1/messages?to={phone}): \
                                the code is the six digits of the newest message sent after your POST /api/v1/auth/sign-ins.

                                **Signatures.** Every `dataToSign` is base64 of the exact bytes to sign (RFC 8785 canonical JSON for \
                                statements): decode it and sign those bytes, not the base64 text and not a re-serialised JSON. Send the \
                                CMS (CAdES) base64-encoded as `signature`, attached (the bytes inside) or detached — both are accepted. \
                                The CMS must carry the signer's certificate and the intermediate CA's certificate, as NCALayer does; \
                                without the intermediate it is refused with 400 CERTIFICATE_CHAIN_INCOMPLETE. Sign-in takes the AUTH key, \
                                statements (S9, S18) and decisions the SIGN key.

                                **Idempotency-Key.** Every state-changing call (POST, PUT, DELETE) takes an optional `Idempotency-Key` \
                                header (1–200 characters; a UUID). The first successful answer to a key is kept for 24 hours per \
                                signed-in person; repeating the same request with the same key gets that answer again, with \
                                `Idempotent-Replay: true`, and nothing is done twice. The same key with another request is refused \
                                (422 IDEMPOTENCY_KEY_REUSED); while the first is still being served, a repeat gets 409 \
                                IDEMPOTENCY_KEY_IN_PROGRESS (Retry-After). A refused request is not kept: correct it and send it again. \
                                Not taken by the machine callbacks (payment gateway, SMS receipts: signed by HMAC and deduplicated by \
                                their own ids), the sign-in steps and the authenticator's enrolment and removal (single-use challenges; their \
                                answers carry secrets that are not stored twice), nor by partner systems' own calls under /api/v1/partner/.

                                **Lists.** Paged lists take `page` (from 0) and `size` (default and maximum in each operation); others \
                                are bounded by what they list. Request bodies are at most 1 MB (64 KB for machine callbacks).

                                **Errors.** application/problem+json (RFC 9457) with `type`, `title`, `status`, `detail`, `instance` and a \
                                stable `code` to branch on; the detail is for people and in their language (Accept-Language kk, ru, en). \
                                Each operation lists the statuses it may answer with and, where they are its own, their codes."""))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("The token from /api/v1/auth/sign-ins/{id}/confirmation")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Every operation may answer with a problem (ApiProblems): without the error answers the document promised only the
     * success status, and a client generated from it had no type for the errors. Each operation lists the statuses it
     * may answer with — the ones every operation shares, with their stable codes — and {@code default} for the rest.
     */
    @Bean
    OpenApiCustomizer problemAnswers() {
        return openApi -> {
            // 3.1 schemas name their types in a list (typesItem); type(…) alone is dropped from a 3.1 document.
            Map<String, Schema> properties = new LinkedHashMap<>();
            properties.put("type", new Schema<>().typesItem("string").format("uri")
                    .description("identifies the kind of problem, https://tirkeu.kz/problems/<code>; absent means about:blank (RFC 9457)"));
            properties.put("title", new Schema<>().typesItem("string").description("the HTTP status in words"));
            properties.put("status", new Schema<>().typesItem("integer").description("the HTTP status"));
            properties.put("detail", new Schema<>().typesItem("string").description("what happened and what to do, for people, in their language"));
            properties.put("instance", new Schema<>().typesItem("string").description("the address the request went to"));
            properties.put("code", new Schema<>().typesItem("string").description("stable: programs branch on it"));
            openApi.getComponents().addSchemas(PROBLEM, new Schema<>().typesItem("object")
                    .description("RFC 9457 problem details; clients branch on code, which is stable. Some problems carry more members "
                            + "(e.g. a refusal's step and reason).")
                    .required(List.of("title", "status", "code"))
                    .properties(properties));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                var responses = operation.getResponses();
                boolean open = operation.getSecurity() != null && operation.getSecurity().isEmpty();
                boolean withBody = operation.getRequestBody() != null;
                responses.putIfAbsent("400", problem("Malformed request or invalid value: MALFORMED_REQUEST, INVALID_VALUE, VALIDATION_FAILED, "
                        + "INVALID_CHARACTER, or the operation's own code"));
                if (!open) {
                    responses.putIfAbsent("401", problem("Not signed in, or the session has ended: NOT_SIGNED_IN"));
                    responses.putIfAbsent("403", problem("The signed-in person's roles do not allow this: NOT_ALLOWED (a browser session "
                            + "without its CSRF token: CSRF_TOKEN_INVALID)"));
                }
                if (path.contains("{")) {
                    responses.putIfAbsent("404", problem("Nothing at this address for you (an unknown or someone else's identifier): NOT_FOUND "
                            + "or the operation's own code"));
                }
                if (withBody) {
                    responses.putIfAbsent("413", problem("The body is over the limit: BODY_TOO_LARGE"));
                    responses.putIfAbsent("415", problem("Send the body as application/json: UNSUPPORTED_MEDIA_TYPE"));
                }
                responses.putIfAbsent("500", problem("Our failure; nothing sent was lost, try again: INTERNAL_ERROR"));
                responses.putIfAbsent("default", problem("A problem, e.g. 406, 409, 422, 429 or 503: see the operation's description for its codes"));
            }));
        };
    }

    /**
     * What each successful answer is, as a type: springdoc says {@code *}{@code /*} for every handler that declares no
     * {@code produces}, and a generated client could not read the answer. JSON, except the files (signed documents and
     * PDFs), which are named for what they are.
     */
    @Bean
    OpenApiCustomizer answersAsTheyAre() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                operation.getResponses().forEach((status, response) -> {
                    if (response.getContent() == null || !response.getContent().containsKey("*/*")) {
                        return;
                    }
                    MediaType any = response.getContent().remove("*/*");
                    String file = FILES.entrySet().stream().filter(e -> path.endsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
                    if (file != null) {
                        response.getContent().addMediaType(file, new MediaType().schema(new Schema<>().typesItem("string").format("binary")));
                    } else {
                        response.getContent().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
                    }
                })));
    }

    /**
     * The Idempotency-Key header on every operation {@link IdempotencyKeys} serves (not declared per controller, so that a
     * new state-changing call cannot be left without it), with the two problems only it answers.
     */
    @Bean
    OpenApiCustomizer idempotencyKeyHeaders() {
        return openApi -> openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (!IdempotencyKeys.covers(method.name(), path)) {
                return;
            }
            if (operation.getParameters() != null) {
                operation.getParameters().removeIf(parameter -> IdempotencyKeys.HEADER.equalsIgnoreCase(parameter.getName()));
            }
            operation.addParametersItem(new Parameter().in("header").name(IdempotencyKeys.HEADER).required(false)
                    .description("Makes a retry safe: the same key with the same request within 24 hours gets the first answer again "
                            + "(Idempotent-Replay: true) without doing anything twice. 1–200 characters, e.g. a UUID; one per request.")
                    .schema(new Schema<>().typesItem("string").minLength(1).maxLength(IdempotencyKeys.MAX_KEY_LENGTH)));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(IdempotencyKeys.REPLAY_HEADER, new Header()
                            .description("true when this is the kept answer to an earlier request with the same Idempotency-Key")
                            .schema(new Schema<>().typesItem("string")._enum(List.of("true"))));
                }
            });
            operation.getResponses().putIfAbsent("409", problem("IDEMPOTENCY_KEY_IN_PROGRESS: a request with this key is still being served "
                    + "(send it again after Retry-After), or the operation's own conflict (see its description)"));
            operation.getResponses().putIfAbsent("422", problem("IDEMPOTENCY_KEY_REUSED: this key was used for a different request, "
                    + "or the operation's own code (see its description)"));
        }));
    }

    /**
     * Names a generated client can keep: springdoc tags each operation with the controller's class name ("applications-api",
     * so a generated ApplicationsApiApi) and numbers clashing operation ids (start1, list2), which renumber whenever a
     * controller is added. The tag is the controller's area ("applications"), the id its area and method
     * ("applicationsStart"), both stable.
     */
    @Bean
    OperationCustomizer stableNames() {
        return (operation, handler) -> {
            io.swagger.v3.oas.annotations.Operation named = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
            if (named != null && !named.operationId().isBlank()) {
                // Named by hand, to keep a name clients already use after the operation moved to another controller.
                return operation;
            }
            String area = handler.getBeanType().getSimpleName().replaceAll("(Api|Controller)$", "");
            operation.setTags(List.of(area.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT)));
            String method = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(area.charAt(0)) + area.substring(1) + Character.toUpperCase(method.charAt(0)) + method.substring(1));
            return operation;
        };
    }

    static final String PROBLEM = "Problem";

    private static final Map<String, String> FILES = Map.of(
            "/document", "application/pkcs7-mime",
            "/sealed", "application/pkcs7-mime",
            "/signature", "application/pkcs7-signature",
            "/pdf", org.springframework.http.MediaType.APPLICATION_PDF_VALUE);

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }
}
