package kz.tirkeu.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The partner system (a dealer's system, a bank's app) the request being served came through, so that what a person
 * does through it is recorded as done through it (the application's action log names the system). Set by the partner
 * area when it authenticates the partner's access token; read by any area that records who acted. Outside a request
 * (background work) there is none.
 */
public final class PartnerChannel {

    private static final String ATTRIBUTE = PartnerChannel.class.getName();

    private PartnerChannel() {}

    public static void mark(HttpServletRequest request, String clientId) {
        request.setAttribute(ATTRIBUTE, clientId);
    }

    /** The client id of the partner system the current request came through, if any. */
    public static Optional<String> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes == null ? Optional.empty()
                : Optional.ofNullable((String) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
    }
}
