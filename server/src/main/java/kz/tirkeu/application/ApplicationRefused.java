package kz.tirkeu.application;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/** A request about an application that cannot be done now, with a stable code and what to do instead. */
public class ApplicationRefused extends ProblemException {
    public ApplicationRefused(String code, HttpStatus status, String message) {
        super(code, status, message);
    }
}
