package kz.tirkeu.sandbox.signer;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.Personas;
import kz.tirkeu.sandbox.web.Html;

/**
 * {@code GET /sandbox/signer}: the sandbox's stand-in for plugging in a token and typing its password
 * into NCALayer. The tester picks a persona; this browser's WebSocket to the sandbox signer then signs
 * with that persona's keys.
 */
final class SignerPage {

    private final Personas personas;
    private final SandboxAddress address;

    SignerPage(Personas personas, SandboxAddress address) {
        this.personas = personas;
        this.address = address;
    }

    String render(String device, Optional<Persona> inserted) {
        String webSocket = address.base().toString().replaceFirst("^http", "ws") + "/ncalayer";
        StringBuilder body = new StringBuilder();
        body.append("<p>The sandbox signer answers the NCALayer protocol at <code>").append(escape(webSocket))
                .append("</code> (the real NCALayer is <code>wss://127.0.0.1:13579</code>). It signs with the keys of the persona ")
                .append("chosen here for <em>this browser</em>; choosing stands in for inserting a token and typing its password.</p>\n");
        body.append("<p>Key inserted now: ");
        if (inserted.isPresent()) {
            Persona persona = inserted.get();
            body.append("<strong>").append(escape(persona.displayName())).append("</strong> <code>").append(escape(persona.id())).append("</code> ")
                    .append("<form class=\"inline\" method=\"post\"><input type=\"hidden\" name=\"personaId\" value=\"\">")
                    .append("<button>Remove key</button></form>");
        } else {
            body.append("<strong>none</strong> — signing requests are answered EMPTY_KEY_LIST until you choose one.");
        }
        body.append("</p>\n<p class=\"muted\">Device <code>").append(escape(device)).append("</code>. Test clients: <code>PUT ")
                .append(escape(address.base())).append("/signer/devices/{device}</code> with <code>{\"personaId\": \"…\"}</code>, then connect to <code>")
                .append(escape(webSocket)).append("?device={device}</code>.</p>\n");
        body.append("<table>\n<tr><th>Persona</th><th>Role</th><th>IIN</th><th>BIN / organisation</th><th>Keys</th><th></th></tr>\n");
        personas.all().stream().sorted(Comparator.comparing(Persona::kind)).forEach(persona -> {
            boolean chosen = inserted.map(Persona::id).filter(persona.id()::equals).isPresent();
            body.append(chosen ? "<tr class=\"chosen\">" : "<tr>")
                    .append("<td><strong>").append(escape(persona.displayName())).append("</strong><br><code>").append(escape(persona.id())).append("</code></td>")
                    .append("<td>").append(escape(persona.kind())).append("<br><span class=\"muted\">").append(escape(persona.description()))
                    .append("</span><br><span class=\"muted\">").append(escape(persona.roles().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))))
                    .append("</span></td>")
                    .append("<td class=\"mono\">").append(escape(persona.iin().map(Iin::value).orElse("—"))).append("</td>")
                    .append("<td><span class=\"mono\">").append(escape(persona.bin().map(Bin::value).orElse("—"))).append("</span><br>")
                    .append(escape(persona.organisation().orElse(""))).append("</td>")
                    .append("<td>").append(escape(persona.purposes().stream().map(Enum::name).collect(Collectors.joining(" + ")))).append("</td>")
                    .append("<td>").append(chosen ? "<strong>inserted</strong>" : "<form class=\"inline\" method=\"post\"><input type=\"hidden\" "
                            + "name=\"personaId\" value=\"" + escape(persona.id()) + "\"><button>Insert this key</button></form>")
                    .append("</td></tr>\n");
        });
        body.append("</table>\n<p class=\"muted\">Key files and passwords: <a href=\"").append(escape(address.resolve("/personas")))
                .append("\">personas</a> · one-time codes: <a href=\"").append(escape(address.resolve("/sms"))).append("\">SMS centre</a></p>\n");
        return Html.page("Signer (NCALayer stand-in)", body.toString(), 0);
    }
}
