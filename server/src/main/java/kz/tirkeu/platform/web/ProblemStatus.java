package kz.tirkeu.platform.web;

import kz.tirkeu.platform.CannotServe;
import org.springframework.http.HttpStatus;

/** The HTTP status a business area's reason is answered with: the one place that knows both. */
public final class ProblemStatus {

    private ProblemStatus() {
    }

    public static HttpStatus of(CannotServe problem) {
        if (problem instanceof ProblemException web) {
            return web.status();
        }
        return switch (problem.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_AUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** The nearest reason for a status a controller chose itself (anything else the caller got wrong is INVALID). */
    static CannotServe.Reason reasonOf(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> CannotServe.Reason.NOT_FOUND;
            case CONFLICT -> CannotServe.Reason.CONFLICT;
            case GONE -> CannotServe.Reason.GONE;
            case FORBIDDEN -> CannotServe.Reason.FORBIDDEN;
            case UNAUTHORIZED -> CannotServe.Reason.NOT_AUTHENTICATED;
            case UNPROCESSABLE_CONTENT -> CannotServe.Reason.UNPROCESSABLE;
            case TOO_MANY_REQUESTS -> CannotServe.Reason.TOO_MANY;
            case CONTENT_TOO_LARGE -> CannotServe.Reason.TOO_LARGE;
            case SERVICE_UNAVAILABLE -> CannotServe.Reason.UNAVAILABLE;
            default -> CannotServe.Reason.INVALID;
        };
    }
}
