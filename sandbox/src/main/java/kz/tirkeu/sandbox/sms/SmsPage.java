package kz.tirkeu.sandbox.sms;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.web.Html;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code GET /sandbox/sms}: the SMS a tester's phone would have received, to read one-time codes from. */
final class SmsPage {

    /** The page shows the latest ones; the JSON API has all that are kept. */
    static final int SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));

    private final SmsCentre centre;
    private final Map<MobileNumber, Persona> holders;
    private final SandboxAddress address;

    SmsPage(SmsCentre centre, Map<MobileNumber, Persona> holders, SandboxAddress address) {
        this.centre = centre;
        this.holders = holders;
        this.address = address;
    }

    ServerResponse render(Optional<MobileNumber> to) {
        List<SmsMessage> messages = centre.sent(to);
        StringBuilder body = new StringBuilder();
        body.append("<p>Every SMS the platform sent through the sandbox's SMS centre, newest first (Almaty time). "
                + "The page reloads every five seconds. The same as JSON: <code>GET ")
                .append(escape(address.base() + "/sms/v1/messages?to=%2B77011234567")).append("</code>.</p>\n");
        body.append("<form method=\"get\"><label>Number <input name=\"to\" placeholder=\"+77011234567\" value=\"")
                .append(escape(to.map(MobileNumber::e164).orElse(""))).append("\"></label> <button>Show</button>");
        if (to.isPresent()) {
            body.append(" <a href=\"?\">all numbers</a>");
        }
        body.append("</form>\n");
        if (messages.isEmpty()) {
            body.append("<p class=\"muted\">No messages").append(to.map(n -> " to " + escape(n.e164())).orElse("")).append(" yet.</p>\n");
        } else {
            body.append("<table>\n<tr><th>Sent</th><th>To</th><th>Text</th><th>Status</th><th>Reference</th><th>Receipt</th></tr>\n");
            messages.stream().limit(SHOWN).forEach(message -> body.append("<tr><td class=\"mono\">").append(escape(TIME.format(message.sentAt())))
                    .append("</td><td class=\"mono\"><a href=\"?to=").append(escape(message.to().e164().replace("+", "%2B"))).append("\">")
                    .append(escape(message.to().e164())).append("</a>").append(holder(message.to()))
                    .append("</td><td><strong>").append(escape(message.text())).append("</strong></td><td>").append(escape(message.status()))
                    .append(message.error().map(error -> "<br><span class=\"muted\">" + escape(error) + "</span>").orElse(""))
                    .append("</td><td class=\"mono\">").append(escape(message.reference().orElse("")))
                    .append("</td><td>").append(receipt(message)).append("</td></tr>\n"));
            body.append("</table>\n");
            if (messages.size() > SHOWN) {
                body.append("<p class=\"muted\">").append(messages.size() - SHOWN).append(" older messages are in the JSON API.</p>\n");
            }
        }
        body.append("<p class=\"muted\"><a href=\"").append(escape(address.resolve("/personas"))).append("\">Personas</a> · <a href=\"")
                .append(escape(address.resolve("/signer"))).append("\">Choose a signing key</a></p>\n");
        return Html.response(Html.page("SMS centre", body.toString(), 5));
    }

    private String holder(MobileNumber number) {
        Persona persona = holders.get(number);
        return persona == null ? "" : "<br><span class=\"muted\">" + escape(persona.displayName()) + " (" + escape(persona.id()) + ")</span>";
    }

    private static String receipt(SmsMessage message) {
        SmsMessage.Receipt receipt = message.receipt();
        return switch (receipt.state()) {
            case NONE -> "<span class=\"muted\">no callback</span>";
            case POSTED -> "posted" + (receipt.attempts() > 1 ? " after " + receipt.attempts() + " attempts" : "");
            case PENDING -> "pending" + receipt.lastError().map(error -> " (" + escape(error) + ")").orElse("");
            case GAVE_UP -> "gave up after " + receipt.attempts() + " attempts" + receipt.lastError().map(error -> " (" + escape(error) + ")").orElse("");
        };
    }
}
