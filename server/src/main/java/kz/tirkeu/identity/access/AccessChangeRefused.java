package kz.tirkeu.identity.access;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A grant, withdrawal or seller rule that cannot be made, with a stable code and a plain message. */
public class AccessChangeRefused extends ProblemException {

    public AccessChangeRefused(String code, HttpStatus status, String message, Object... arguments) {
        super(code, status, message, arguments);
    }
}
