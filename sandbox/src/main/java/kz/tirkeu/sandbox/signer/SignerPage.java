package kz.tirkeu.sandbox.signer;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.Personas;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * {@code GET /sandbox/signer}: the sandbox's stand-in for plugging in a token and typing its password
 * into NCALayer. The tester picks a persona; this browser's WebSocket to the sandbox signer then signs
 * with that persona's keys.
 */
final class SignerPage {

    private static final Text TITLE = new Text("Қол қойғыш (NCALayer орнына)", "Подписант (вместо NCALayer)", "Signer (NCALayer stand-in)");
    private static final Text INTRO = new Text(
            "Құмсалғыш қол қойғышы NCALayer хаттамасымен %s мекенжайында жауап береді (нағыз NCALayer — wss://127.0.0.1:13579). Ол осы браузер үшін "
                    + "таңдалған тұлғаның кілттерімен қол қояды; таңдау токенді салу мен құпиясөзді енгізуді алмастырады.",
            "Подписант песочницы отвечает по протоколу NCALayer на %s (настоящий NCALayer — wss://127.0.0.1:13579). Он подписывает ключами лица, "
                    + "выбранного здесь для этого браузера; выбор заменяет вставку токена и ввод пароля.",
            "The sandbox signer answers the NCALayer protocol at %s (the real NCALayer is wss://127.0.0.1:13579). It signs with the keys of the "
                    + "persona chosen here for this browser; choosing stands in for inserting a token and typing its password.");
    private static final Text NOW = new Text("Қазір салынған кілт:", "Сейчас вставлен ключ:", "Key inserted now:");
    private static final Text NOBODY = new Text("жоқ — тұлғаны таңдағанша қол қою сұраулары EMPTY_KEY_LIST жауабын алады.",
            "нет — пока лицо не выбрано, запросы на подпись получают EMPTY_KEY_LIST.",
            "none — signing requests are answered EMPTY_KEY_LIST until you choose one.");
    private static final Text REMOVE = new Text("Кілтті алу", "Извлечь ключ", "Remove key");
    private static final Text INSERT = new Text("Осы кілтті салу", "Вставить этот ключ", "Insert this key");
    private static final Text INSERTED = new Text("салынды", "вставлен", "inserted");
    private static final Text DEVICE = new Text("Құрылғы %s. Сынақ клиенттері: PUT %s/signer/devices/{device} {\"personaId\": \"…\"}, содан кейін %s?device={device}.",
            "Устройство %s. Тестовые клиенты: PUT %s/signer/devices/{device} {\"personaId\": \"…\"}, затем %s?device={device}.",
            "Device %s. Test clients: PUT %s/signer/devices/{device} {\"personaId\": \"…\"}, then connect to %s?device={device}.");
    private static final List<Text> COLUMNS = List.of(new Text("Тұлға", "Лицо", "Persona"), new Text("Рөлі", "Роль", "Role"),
            new Text("ЖСН", "ИИН", "IIN"), new Text("БСН / ұйым", "БИН / организация", "BIN / organisation"), new Text("Кілттер", "Ключи", "Keys"),
            new Text("", "", ""));

    private final Personas personas;
    private final SandboxAddress address;

    SignerPage(Personas personas, SandboxAddress address) {
        this.personas = personas;
        this.address = address;
    }

    String render(ServerRequest request, String device, Optional<Persona> inserted) {
        Language language = Language.of(request);
        String webSocket = address.base().toString().replaceFirst("^http", "ws") + "/ncalayer";
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(escape(INTRO.in(language, webSocket))).append("</p>\n");
        body.append("<p class=\"note\" role=\"status\">").append(escape(NOW.in(language))).append(' ');
        if (inserted.isPresent()) {
            Persona persona = inserted.get();
            // "inserted" stays in English too: the platform's browser tests wait for it whatever the language.
            body.append("<strong>").append(escape(persona.displayName())).append("</strong> <code>").append(escape(persona.id())).append("</code> ")
                    .append("<span class=\"muted\">(").append(escape(INSERTED.in(language))).append(language == Language.EN ? "" : " · inserted").append(")</span> ")
                    .append("<form class=\"inline\" method=\"post\"><input type=\"hidden\" name=\"personaId\" value=\"\">")
                    .append("<button>").append(escape(REMOVE.in(language))).append("</button></form>");
        } else {
            body.append("<strong>").append(escape(NOBODY.in(language))).append("</strong>");
        }
        body.append("</p>\n");
        body.append("<table class=\"stack\">\n").append(Layout.headers(language, COLUMNS));
        personas.all().stream().sorted(Comparator.comparing(Persona::kind)).forEach(persona -> {
            boolean chosen = inserted.map(Persona::id).filter(persona.id()::equals).isPresent();
            body.append(chosen ? "<tr class=\"chosen\">" : "<tr>")
                    .append(Layout.cell(COLUMNS.get(0).in(language), "<strong>" + escape(persona.displayName()) + "</strong><br><code>" + escape(persona.id()) + "</code>"))
                    .append(Layout.cell(COLUMNS.get(1).in(language), escape(persona.kind()) + "<br><span class=\"muted\">" + escape(persona.description())
                            + "</span><br><span class=\"muted\">" + escape(persona.roles().stream().sorted().map(Enum::name).collect(Collectors.joining(", "))) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(2).in(language), "<span class=\"mono\">" + escape(persona.iin().map(Iin::value).orElse("—")) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(3).in(language), "<span class=\"mono\">" + escape(persona.bin().map(Bin::value).orElse("—")) + "</span><br>"
                            + escape(persona.organisation().orElse(""))))
                    .append(Layout.cell(COLUMNS.get(4).in(language), escape(persona.purposes().stream().map(Enum::name).collect(Collectors.joining(" + ")))))
                    .append(Layout.cell("", chosen ? "<strong>" + escape(INSERTED.in(language)) + "</strong>"
                            : "<form class=\"inline\" method=\"post\"><input type=\"hidden\" name=\"personaId\" value=\"" + escape(persona.id()) + "\"><button>"
                            + escape(INSERT.in(language)) + "</button></form>"))
                    .append("</tr>\n");
        });
        body.append("</table>\n<p class=\"muted\">").append(escape(DEVICE.in(language, device, address.base(), webSocket))).append("</p>\n");
        return Layout.page(request, language, Section.SIGNER, TITLE, body.toString(), 0);
    }
}
