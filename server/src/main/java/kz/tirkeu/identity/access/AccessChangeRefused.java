package kz.tirkeu.identity.access;

import kz.tirkeu.platform.CannotServe;


/** A grant, withdrawal or seller rule that cannot be made, with a stable code and a plain message. */
public class AccessChangeRefused extends CannotServe {

    public AccessChangeRefused(String code, Reason reason, String message, Object... arguments) {
        super(code, reason, message, arguments);
    }

    @Override
    public AccessChangeRefused situation(String situation) {
        super.situation(situation);
        return this;
    }

    @Override
    public AccessChangeRefused toldAs(String textCode) {
        super.toldAs(textCode);
        return this;
    }
}
