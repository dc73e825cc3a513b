package kz.tirkeu.identity.web;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class NotAllowed extends ProblemException {
    NotAllowed(String message, Object... arguments) {
        super("NOT_ALLOWED", HttpStatus.FORBIDDEN, message, arguments);
    }
}
