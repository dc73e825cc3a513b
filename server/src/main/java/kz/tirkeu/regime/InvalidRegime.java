package kz.tirkeu.regime;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A regime record or decision that cannot be recorded as given: what is wrong and how to put it right. */
public class InvalidRegime extends ProblemException {
    public InvalidRegime(String code, String message, Object... arguments) {
        super(code, HttpStatus.BAD_REQUEST, message, arguments);
    }

    public InvalidRegime(String code, HttpStatus status, String message, Object... arguments) {
        super(code, status, message, arguments);
    }
}
