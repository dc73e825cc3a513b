package kz.tirkeu.identity.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import kz.tirkeu.identity.Role;
import org.springframework.modulith.NamedInterface;

/**
 * The roles that may call an endpoint. Every endpoint of the platform carries exactly one of
 * {@link Allowed}, {@link AnySignedIn} or {@link PublicEndpoint}; one with none is refused to everyone
 * (see {@link AccessPolicy}), so forgetting to decide can never open an endpoint.
 */
@NamedInterface("access")
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Allowed {
    Role[] value();
}
