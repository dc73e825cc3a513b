package kz.tirkeu.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
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
                                Primary registration of new vehicles in Kazakhstan (order 754/499). Sign in with an EDS AUTH key and a \
                                second factor (/api/v1/auth/…) to get a bearer token. Every POST takes an Idempotency-Key. Errors are \
                                application/problem+json (RFC 9457) with a stable `code`. The algorithm itself: GET /api/v1/process-definition.""")
                        .license(new License().name("Government of the Republic of Kazakhstan")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("The token from /api/v1/auth/sign-ins/{id}/confirmation")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /**
     * Every operation may answer with a problem (ApiProblems): without a {@code default} response the document
     * promised only the success status, and a client generated from it had no type for the errors.
     */
    @Bean
    OpenApiCustomizer problemsAsDefaultResponse() {
        return openApi -> {
            // 3.1 schemas name their types in a list (typesItem); type(…) alone is dropped from a 3.1 document.
            openApi.getComponents().addSchemas("Problem", new Schema<>().typesItem("object")
                    .description("RFC 9457 problem details; clients branch on code, which is stable")
                    .required(List.of("code"))
                    .properties(Map.of(
                            "type", new Schema<>().typesItem("string").format("uri"),
                            "title", new Schema<>().typesItem("string"),
                            "status", new Schema<>().typesItem("integer"),
                            "detail", new Schema<>().typesItem("string"),
                            "instance", new Schema<>().typesItem("string"),
                            "code", new Schema<>().typesItem("string"))));
            ApiResponse problem = new ApiResponse().description("A problem, e.g. 400, 401, 403, 404, 409, 415, 429")
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (!operation.getResponses().containsKey("default")) {
                    operation.getResponses().addApiResponse("default", problem);
                }
            }));
        };
    }
}
