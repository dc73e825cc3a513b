package kz.tirkeu.identity;

import java.util.Locale;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.PhoneNumber;

/**
 * What signing in and its settings have to tell a person, published as an application event. The notification area
 * listens and sends it through the single notification point; identity itself knows no notification types, so the
 * notification area may depend on identity (for who is signed in) without a cycle.
 *
 * <p>The listener runs synchronously in the publisher's thread and transaction: a code is on its way (or the sign-in
 * fails) by the time the event is published.
 */
public sealed interface IdentityNotice {

    /** A one-time sign-in code, by SMS, to the number МБГ holds; the code is not kept once sent. */
    record OneTimeCode(Iin recipient, PhoneNumber phone, String code, Locale locale) implements IdentityNotice {}

    /** A change to how the person signs in, told to them so that one they did not make does not go unnoticed. */
    record SignInChanged(Iin person, Change change) implements IdentityNotice {}

    enum Change {
        TOTP_ENROLLED("security.totp-enrolled"),
        TOTP_REMOVED("security.totp-removed");

        private final String template;

        Change(String template) {
            this.template = template;
        }

        /** The notice template that tells the person of it. */
        public String template() {
            return template;
        }
    }
}
