package kz.tirkeu.identity.web;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

class NotSignedIn extends ProblemException {
    NotSignedIn() {
        super("NOT_SIGNED_IN", HttpStatus.UNAUTHORIZED, "Sign in first (your session may have ended after a period without activity).");
    }
}
