package kz.tirkeu.notification;

import java.util.Map;
import kz.tirkeu.pki.identity.Iin;

/**
 * A notice to send: to whom, which template (e.g. "application.awaiting-buyer"), and the values the
 * template fills in. The text is rendered per delivery in the recipient's language (kk, ru, en).
 *
 * @param subjectReference what the notice is about, e.g. an application number, for linking from the inbox
 */
public record NoticeRequest(Iin recipient, String template, Map<String, String> parameters, String subjectReference) {

    public NoticeRequest {
        parameters = Map.copyOf(parameters);
    }
}
