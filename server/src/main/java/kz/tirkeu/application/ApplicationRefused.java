package kz.tirkeu.application;

import kz.tirkeu.platform.web.ProblemException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;

/** A request about an application that cannot be served: why, with a stable code, in the reader's language. */
public class ApplicationRefused extends ProblemException {
    public ApplicationRefused(String code, HttpStatus status, String message, Object... arguments) {
        super(code, status, message, arguments);
    }

    /** The application's status as an argument of a text: written in the reader's language ({@code status.<STATUS>}). */
    static MessageSourceResolvable status(ApplicationRecord record) {
        return named("status." + record.status().name(), record.status().name());
    }
}
