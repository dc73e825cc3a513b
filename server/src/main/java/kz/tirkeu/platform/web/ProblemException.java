package kz.tirkeu.platform.web;

import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, told as RFC 9457 problem+json: a stable {@code code} for
 * programs and a message for people that says what to do next.
 */
public class ProblemException extends RuntimeException {

    private final String code;
    private final HttpStatus status;

    public ProblemException(String code, HttpStatus status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** Further members of the problem document, for programs (e.g. which refusal a check found); none by default. */
    public Map<String, Object> properties() {
        return Map.of();
    }
}
