package kz.tirkeu.regime;

import kz.tirkeu.platform.CannotServe;


/** A regime record or decision that cannot be recorded as given: what is wrong and how to put it right. */
public class InvalidRegime extends CannotServe {
    public InvalidRegime(String code, String message, Object... arguments) {
        super(code, Reason.INVALID, message, arguments);
    }

    public InvalidRegime(String code, Reason reason, String message, Object... arguments) {
        super(code, reason, message, arguments);
    }

    @Override
    public InvalidRegime situation(String situation) {
        super.situation(situation);
        return this;
    }

    @Override
    public InvalidRegime toldAs(String textCode) {
        super.toldAs(textCode);
        return this;
    }
}
