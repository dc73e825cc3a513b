package kz.tirkeu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every API error as application/problem+json with a stable {@code code}: clients branch on the code,
 * people read the detail. Nothing internal (stack traces, SQL) ever reaches the response.
 */
@RestControllerAdvice
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e, HttpServletRequest request) {
        // A problem written in each language answers in the caller's (Accept-Language); the others in English.
        String detail = e instanceof LocalizedProblem localized ? localized.message(request.getLocale()) : e.getMessage();
        ResponseEntity<ProblemDetail> response = respond(e.status(), e.code(), detail, request);
        e.properties().forEach(response.getBody()::setProperty);
        return response;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge) {
                return respond(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "The request body is larger than this address accepts ("
                        + BodyLimit.limitFor(request.getRequestURI()) / 1024 + " KB).", request);
            }
        }
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request could not be read: check that the body is valid JSON with the documented fields and that path values are well-formed.", request);
    }

    /**
     * A body an endpoint parses itself (the payment callback and SMS receipts read bytes, to check their HMAC first) that
     * is not JSON, or breaks the parser's limits (500 levels of nesting, huge numbers): the sender's fault, not ours.
     */
    @ExceptionHandler({tools.jackson.core.exc.StreamReadException.class, tools.jackson.core.exc.StreamConstraintsException.class})
    ResponseEntity<ProblemDetail> unparsableBody(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not JSON this address can read (at most 500 levels of nesting).", request);
    }

    /** The query string itself cannot be parsed (e.g. a parameter without a name, "?=x"): Tomcat says so only when asked. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unparsableQuery(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The query string cannot be read: every parameter needs a name (name=value).", request);
    }

    /**
     * PostgreSQL stores no NUL character (SQLSTATE 22021): a value carrying one (a search for "%00") is bad input, not
     * our failure. Any other integrity violation is unexpected.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorable(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return respond(HttpStatus.BAD_REQUEST, "INVALID_CHARACTER", "A value contains a character that is not text (e.g. a NUL byte).", request);
            }
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return respond(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", fields, request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "This address does not accept " + e.getMethod() + ".", request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.", request);
    }

    /** An Accept the endpoint cannot answer (text/html on a JSON endpoint): 406, said as problem+json, which every client reads. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(Exception e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "This address answers in JSON (Accept: application/json).", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address.", request);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badValue(IllegalArgumentException e, HttpServletRequest request) {
        // Domain value types (Iin, Bin, PhoneNumber…) reject bad input with a message written for people.
        return respond(HttpStatus.BAD_REQUEST, "INVALID_VALUE", e.getMessage(), request);
    }

    /**
     * Spring's own refusals of a request carry their 4xx status — a required parameter missing, a path segment of only
     * blanks ({@code /sign-ins/%20/confirmation}, which converts to no UUID and so is "missing after conversion"): the
     * caller's mistake, said as problem+json, not a 500 logged as ours. A path variable the mapping lacks altogether
     * stays a 500 (Spring says so with the status), because that one is ours.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof org.springframework.web.ErrorResponse refusal && refusal.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(refusal.getStatusCode().value());
            String missing = switch (e) {
                case org.springframework.web.bind.MissingServletRequestParameterException parameter -> "the parameter '" + parameter.getParameterName() + "' is required.";
                case org.springframework.web.bind.MissingPathVariableException path -> "the path value '" + path.getVariableName()
                        + "' is blank: send the identifier the API gave you.";
                default -> status.getReasonPhrase() + ".";
            };
            return respond(status, status == HttpStatus.BAD_REQUEST ? "MALFORMED_REQUEST" : "HTTP_" + status.value(),
                    "The request is not complete: " + missing, request);
        }
        log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side; nothing you sent was lost. Please try again; if it persists, quote the correlation id.", request);
    }

    static ResponseEntity<ProblemDetail> respond(HttpStatus status, String code, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://tirkeu.kz/problems/" + code.toLowerCase().replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("code", code);
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
