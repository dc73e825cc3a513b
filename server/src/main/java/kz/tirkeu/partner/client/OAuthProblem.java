package kz.tirkeu.partner.client;

import java.util.Map;
import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A refusal of the token endpoint: problem+json like every API error, with the RFC 6749 §5.2 {@code error} member as
 * well, so that an OAuth client library finds the code it looks for.
 */
class OAuthProblem extends ProblemException {

    private final String error;

    OAuthProblem(String error, String code, HttpStatus status, String message, Object... facts) {
        super(code, status, message, facts);
        this.error = error;
    }

    static OAuthProblem invalidClient(String code, String message, Object... facts) {
        return new OAuthProblem("invalid_client", code, HttpStatus.UNAUTHORIZED, message, facts);
    }

    static OAuthProblem invalidRequest(String code, String message, Object... facts) {
        return new OAuthProblem("invalid_request", code, HttpStatus.BAD_REQUEST, message, facts);
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("error", error);
    }
}
