package kz.tirkeu.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request whose Content-Type is no media type, or a wildcard one ({@code *}/{@code *}), is the caller's mistake and
 * is refused at the door with a 400. Spring would fail on it wherever it first reads the headers, with a bare
 * IllegalArgumentException that is indistinguishable from a fault of ours.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ContentTypeCheck extends OncePerRequestFilter {

    private final ProblemWriter problems;

    ContentTypeCheck(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !contentType.isBlank()) {
            String wrong = null;
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.isWildcardType() || type.isWildcardSubtype()) {
                    wrong = "Content-Type cannot be a wildcard ('" + contentType.strip() + "'): name the body's media type, e.g. application/json";
                }
            } catch (InvalidMediaTypeException e) {
                wrong = e.getMessage();
            }
            if (wrong != null) {
                problems.write(request, response, new ProblemException("INVALID_VALUE", HttpStatus.BAD_REQUEST, "A value is not valid: " + wrong, wrong));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
