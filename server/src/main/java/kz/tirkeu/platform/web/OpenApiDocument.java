package kz.tirkeu.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
}
