package kz.tirkeu.platform.web;

import kz.tirkeu.platform.CannotServe;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import kz.tirkeu.pki.InvalidInputException;
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

    private final ApiLanguage language;

    ApiProblems(ApiLanguage language) {
        this.language = language;
    }

    @ExceptionHandler(CannotServe.class)
    ResponseEntity<ProblemDetail> problem(CannotServe e, HttpServletRequest request) {
        // The text is the bundle's (api.problem.<CODE>) in the caller's language; a problem that carries its own texts
        // in every language (a regime's limits, written by its authorised body) gives them itself.
        String detail = e instanceof LocalizedProblem localized ? localized.message(language.of(request)) : language.text(e, request);
        ResponseEntity<ProblemDetail> response = respond(ProblemStatus.of(e), e.code(), detail, request);
        e.properties().forEach(response.getBody()::setProperty);
        return response;
    }

    /** A problem of this class's own, told in the caller's language. */
    private ResponseEntity<ProblemDetail> own(HttpStatus status, String code, String english, HttpServletRequest request, Object... arguments) {
        return problem(new ProblemException(code, status, english, arguments), request);
    }

    private ResponseEntity<ProblemDetail> own(HttpStatus status, String code, String situation, String english, HttpServletRequest request,
                                              Object... arguments) {
        return problem(new ProblemException(code, status, english, arguments).situation(situation), request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> unreadable(Exception e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge) {
                long kilobytes = BodyLimit.limitFor(request.getRequestURI()) / 1024;
                return own(HttpStatus.CONTENT_TOO_LARGE, "BODY_TOO_LARGE", "The request body is larger than this address accepts (" + kilobytes + " KB).",
                        request, String.valueOf(kilobytes));
            }
        }
        return own(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
                "The request could not be read: check that the body is valid JSON with the documented fields and that path values are well-formed.", request);
    }

    /**
     * A body an endpoint parses itself (the payment callback and SMS receipts read bytes, to check their HMAC first) that
     * is not JSON, or breaks the parser's limits (500 levels of nesting, huge numbers): the sender's fault, not ours.
     */
    @ExceptionHandler({tools.jackson.core.exc.StreamReadException.class, tools.jackson.core.exc.StreamConstraintsException.class})
    ResponseEntity<ProblemDetail> unparsableBody(Exception e, HttpServletRequest request) {
        return own(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "body", "The request body is not JSON this address can read (at most 500 levels of nesting).",
                request);
    }

    /** The query string itself cannot be parsed (e.g. a parameter without a name, "?=x"): Tomcat says so only when asked. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> unparsableQuery(Exception e, HttpServletRequest request) {
        return own(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "query", "The query string cannot be read: every parameter needs a name (name=value).",
                request);
    }

    /**
     * PostgreSQL stores no NUL character (SQLSTATE 22021): a value carrying one (a search for "%00") is bad input, not
     * our failure. Any other integrity violation is unexpected.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> unstorable(org.springframework.dao.DataIntegrityViolationException e, HttpServletRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
                return own(HttpStatus.BAD_REQUEST, "INVALID_CHARACTER", "A value contains a character that is not text (e.g. a NUL byte).", request);
            }
        }
        return unexpected(e, request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).reduce((a, b) -> a + "; " + b).orElse("invalid input");
        return own(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid: " + fields, request, fields);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return own(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "This address does not accept " + e.getMethod() + ".", request, e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return own(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.", request);
    }

    /** An Accept the endpoint cannot answer (text/html on a JSON endpoint): 406, said as problem+json, which every client reads. */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(Exception e, HttpServletRequest request) {
        return own(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "This address answers in JSON (Accept: application/json).", request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return own(HttpStatus.NOT_FOUND, "NOT_FOUND", "There is nothing at this address.", request);
    }

    /**
     * Domain value types (Iin, Bin, PhoneNumber…) and the API's own checks reject what a caller sent with an English
     * message naming the value, and so does Spring for a Content-Type it cannot read (a wildcard one); the text around
     * it is in the caller's language. Any other IllegalArgumentException is our own fault, not the caller's: it is a 500
     * with a correlation id (below), and its message is never shown.
     */
    @ExceptionHandler({InvalidInputException.class, org.springframework.http.InvalidMediaTypeException.class,
            org.springframework.util.InvalidMimeTypeException.class})
    ResponseEntity<ProblemDetail> badValue(IllegalArgumentException e, HttpServletRequest request) {
        return own(HttpStatus.BAD_REQUEST, "INVALID_VALUE", "A value is not valid: " + e.getMessage(), request, e.getMessage());
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
            String code = status == HttpStatus.BAD_REQUEST ? "MALFORMED_REQUEST" : "HTTP_" + status.value();
            return switch (e) {
                case org.springframework.web.bind.MissingServletRequestParameterException parameter -> own(status, code, "parameter",
                        "The request is not complete: the parameter '" + parameter.getParameterName() + "' is required.", request, parameter.getParameterName());
                case org.springframework.web.bind.MissingPathVariableException path -> own(status, code, "path",
                        "The request is not complete: the path value '" + path.getVariableName() + "' is blank: send the identifier the API gave you.",
                        request, path.getVariableName());
                // One text for every status Spring refuses a request with.
                default -> problem(new ProblemException(code, status, "The request is not complete: " + status.getReasonPhrase() + ".",
                        status.getReasonPhrase()).toldAs("REQUEST_INCOMPLETE"), request);
            };
        }
        log.error("Unexpected error serving {} {}", request.getMethod(), request.getRequestURI(), e);
        return own(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
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
