package kz.tirkeu.identity.web;

import java.util.ArrayList;
import kz.tirkeu.identity.SignedInPerson;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the OpenAPI document says about access, so that clients generated from it call the API as it is:
 * the signed-in person is not a parameter (it comes from the bearer token, {@link CurrentPerson}), and a
 * {@link PublicEndpoint} needs no token, where the document otherwise asks for one on every operation.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiAccess {

    static {
        // Without this springdoc shows every SignedInPerson argument as a required query parameter "person".
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(SignedInPerson.class);
    }

    @Bean
    OperationCustomizer publicEndpointsNeedNoToken() {
        return (operation, handler) -> {
            if (AccessPolicy.policyOf(handler) == AccessPolicy.Policy.PUBLIC) {
                operation.setSecurity(new ArrayList<>()); // "security: []" lifts the document-wide bearer requirement
            }
            return operation;
        };
    }
}
