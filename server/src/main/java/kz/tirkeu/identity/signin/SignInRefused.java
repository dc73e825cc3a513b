package kz.tirkeu.identity.signin;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * A sign-in step that cannot go on, with a stable code for API clients and a message that says what
 * to do next. {@code status} is the HTTP status the API answers with.
 */
public class SignInRefused extends ProblemException {

    public SignInRefused(String code, HttpStatus status, String message, Object... arguments) {
        super(code, status, message, arguments);
    }
}
