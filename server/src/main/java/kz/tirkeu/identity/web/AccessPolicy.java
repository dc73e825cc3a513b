package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces each endpoint's {@link Allowed} / {@link AnySignedIn} / {@link PublicEndpoint} before the
 * handler runs. Fail-closed: an endpoint of the platform without a policy answers 403 to everyone.
 * Endpoints that are not the platform's own (Spring's error page, the sandbox's routes) are left alone.
 */
public class AccessPolicy implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("kz.tirkeu")) {
            return true;
        }
        Policy policy = policyOf(method);
        if (policy == Policy.PUBLIC) {
            return true;
        }
        SignedInPerson person = CurrentPerson.of(request).orElseThrow(NotSignedIn::new);
        if (policy == Policy.NONE) {
            throw (NotAllowed) new NotAllowed("This endpoint has no access policy and is closed to everyone.").situation("unmapped");
        }
        if (policy == Policy.ANY_SIGNED_IN) {
            return true;
        }
        Allowed allowed = annotation(method, Allowed.class).orElseThrow();
        if (Arrays.stream(allowed.value()).noneMatch(person::has)) {
            throw new NotAllowed("Your roles (" + person.roles() + ") do not include one this needs: " + Arrays.toString(allowed.value()) + ".",
                    person.roles().toString(), Arrays.toString(allowed.value()));
        }
        return true;
    }

    public enum Policy { PUBLIC, ANY_SIGNED_IN, ROLES, NONE }

    public static Policy policyOf(HandlerMethod method) {
        if (annotation(method, PublicEndpoint.class).isPresent()) {
            return Policy.PUBLIC;
        }
        if (annotation(method, AnySignedIn.class).isPresent()) {
            return Policy.ANY_SIGNED_IN;
        }
        return annotation(method, Allowed.class).isPresent() ? Policy.ROLES : Policy.NONE;
    }

    /** The method's own annotation, else its class's. */
    static <A extends java.lang.annotation.Annotation> Optional<A> annotation(HandlerMethod method, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), type);
        return Optional.ofNullable(onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), type));
    }
}
