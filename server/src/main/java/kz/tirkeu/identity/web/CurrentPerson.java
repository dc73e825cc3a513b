package kz.tirkeu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import kz.tirkeu.identity.SignedInPerson;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.modulith.NamedInterface;

/**
 * The person a request is from, as {@link SessionAuthentication} found it. Controllers simply declare a
 * {@link SignedInPerson} parameter.
 */
@NamedInterface("access")
public class CurrentPerson implements HandlerMethodArgumentResolver {

    static final String ATTRIBUTE = SignedInPerson.class.getName();

    public static Optional<SignedInPerson> of(HttpServletRequest request) {
        return Optional.ofNullable((SignedInPerson) request.getAttribute(ATTRIBUTE));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == SignedInPerson.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request, WebDataBinderFactory binders) {
        return of(request.getNativeRequest(HttpServletRequest.class)).orElseThrow(NotSignedIn::new);
    }
}
