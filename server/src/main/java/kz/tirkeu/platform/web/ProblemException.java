package kz.tirkeu.platform.web;

import org.springframework.http.HttpStatus;
import kz.tirkeu.platform.CannotServe;

/**
 * A request the web layer itself cannot serve, with the HTTP status it answers with: a controller's own checks of a
 * request, sign-in and access at the door. Business areas throw {@link CannotServe} instead, with a domain reason;
 * both become RFC 9457 problem+json with a stable {@code code} ({@link ProblemStatus} chooses the status).
 */
public class ProblemException extends CannotServe {

    /** Where the texts of problems live in the message bundles. */
    public static final String TEXT_PREFIX = CannotServe.TEXT_PREFIX;

    private final HttpStatus status;

    public ProblemException(String code, HttpStatus status, String message) {
        this(code, status, message, new Object[0]);
    }

    /** @param arguments the facts the text names, in the order of its placeholders */
    public ProblemException(String code, HttpStatus status, String message, Object... arguments) {
        super(code, ProblemStatus.reasonOf(status), message, arguments);
        this.status = status;
    }

    @Override
    public ProblemException toldAs(String textCode) {
        super.toldAs(textCode);
        return this;
    }

    @Override
    public ProblemException situation(String situation) {
        super.situation(situation);
        return this;
    }

    public HttpStatus status() {
        return status;
    }
}
