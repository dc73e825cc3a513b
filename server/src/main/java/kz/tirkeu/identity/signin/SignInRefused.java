package kz.tirkeu.identity.signin;

import kz.tirkeu.platform.CannotServe;


/**
 * A sign-in step that cannot go on, with a stable code for API clients and a message that says what
 * to do next. {@code status} is the HTTP status the API answers with.
 */
public class SignInRefused extends CannotServe {

    public SignInRefused(String code, Reason reason, String message, Object... arguments) {
        super(code, reason, message, arguments);
    }

    @Override
    public SignInRefused situation(String situation) {
        super.situation(situation);
        return this;
    }

    @Override
    public SignInRefused toldAs(String textCode) {
        super.toldAs(textCode);
        return this;
    }
}
