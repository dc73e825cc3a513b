package kz.tirkeu.sandbox.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Errors of the sandbox's HTTP API as RFC 9457 problem details ({@code application/problem+json}),
 * whose detail tells the tester what to do; never a stack trace.
 */
public final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** The answer for an exception escaping a sandbox handler. */
    public static ServerResponse of(Throwable error, ServerRequest request) {
        return switch (error) {
            case NotFoundException e -> problem(HttpStatus.NOT_FOUND, e.getMessage(), request);
            case BadRequestException e -> problem(HttpStatus.BAD_REQUEST, e.getMessage(), request);
            case SandboxNotReadyException e -> ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", "1")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(detail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), request));
            default -> {
                log.error("The sandbox failed to answer {} {}", request.method(), request.path(), error);
                yield problem(HttpStatus.INTERNAL_SERVER_ERROR,
                        "The sandbox failed to answer; its log has the details (" + error.getClass().getSimpleName() + ").", request);
            }
        };
    }

    public static ServerResponse problem(HttpStatus status, String detail, ServerRequest request) {
        return ServerResponse.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail(status, detail, request));
    }

    private static ProblemDetail detail(HttpStatus status, String detail, ServerRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.requestPath().value()));
        return problem;
    }
}
