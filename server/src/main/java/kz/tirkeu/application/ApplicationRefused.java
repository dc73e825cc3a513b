package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import org.springframework.context.MessageSourceResolvable;

/** A request about an application that cannot be served: why, with a stable code, in the reader's language. */
public class ApplicationRefused extends CannotServe {
    public ApplicationRefused(String code, Reason reason, String message, Object... arguments) {
        super(code, reason, message, arguments);
    }

    /** The application's status as an argument of a text: written in the reader's language ({@code status.<STATUS>}). */
    static MessageSourceResolvable status(ApplicationRecord record) {
        return named("status." + record.status().name(), record.status().name());
    }

    @Override
    public ApplicationRefused situation(String situation) {
        super.situation(situation);
        return this;
    }

    @Override
    public ApplicationRefused toldAs(String textCode) {
        super.toldAs(textCode);
        return this;
    }
}
