package kz.tirkeu.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every HTTP request a {@link CorrelationId}: taken from the {@code X-Correlation-Id} header or
 * generated, put in the logging MDC for the duration of the request, and returned in the response header.
 */
@Component
// First of all filters, so that whatever the others log already carries the id.
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    // Kept on the request so that an error dispatch of the same request reuses the id instead of making a new one.
    private static final String REQUEST_ATTRIBUTE = CorrelationId.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CorrelationId id = correlationIdOf(request);
        request.setAttribute(REQUEST_ATTRIBUTE, id);
        // Set before the chain runs: once the body is written the response is committed and headers are final.
        response.setHeader(CorrelationId.HEADER, id.value());
        MDC.put(CorrelationId.MDC_KEY, id.value());
        try {
            chain.doFilter(request, response);
        } finally {
            // Servlet threads are pooled when virtual threads are off; a leftover id would mislabel the next request.
            MDC.remove(CorrelationId.MDC_KEY);
        }
    }

    // Error pages (e.g. the JSON body of a 500) are rendered in a second dispatch; their log lines need the id too.
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static CorrelationId correlationIdOf(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof CorrelationId known) {
            return known;
        }
        return CorrelationId.fromHeaderOrNew(request.getHeader(CorrelationId.HEADER));
    }
}
