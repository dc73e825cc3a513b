package kz.tirkeu.sandbox;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * RFC 6960 OCSP by GET puts the URL-encoded base64 request in the path, so '/' arrives as %2F, which
 * Tomcat rejects with 400 by default (and the JDK's own OCSP client sends GET for short requests).
 * Passing %2F through undecoded lets the sandbox's route read it without letting it split paths.
 * Only while the sandbox is on. A top-level auto-configuration rather than a nested class of
 * {@link SandboxAutoConfiguration}, because the server's component scan would find a nested
 * {@code @Configuration} and apply it without the sandbox's conditions.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "tirkeu.sandbox.enabled", matchIfMissing = true)
@ConditionalOnClass(name = "org.apache.catalina.connector.Connector")
public class SandboxTomcatAutoConfiguration {

    @Bean
    TomcatConnectorCustomizer sandboxOcspGetPaths() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
