package kz.tirkeu.observability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The metrics (/actuator/prometheus) are for the operators' scraper, not for anyone (issue [7]): it sends
 * {@code Authorization: Bearer <tirkeu.management.metrics-token>}. The default is the sandbox's published token, which
 * with the sandbox off stops the start-up (kz.tirkeu.platform.ProductionSafety).
 */
@Component
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsAccess extends OncePerRequestFilter {

    private final byte[] expected;

    MetricsAccess(MetricsProperties properties) {
        this.expected = ("Bearer " + properties.metricsToken()).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/actuator/prometheus");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected)) {
            response.setStatus(401);
            response.setContentType("application/problem+json");
            response.getWriter().write("""
                    {"type":"https://tirkeu.kz/problems/metrics-token-required","title":"Unauthorized","status":401,\
                    "code":"METRICS_TOKEN_REQUIRED","detail":"The metrics are for the operators' scraper: send its bearer token."}""");
            return;
        }
        chain.doFilter(request, response);
    }
}
