package kz.tirkeu.sandbox.sms;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.mobile.MobileNumber;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import kz.tirkeu.sandbox.persona.Persona;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code GET /sandbox/sms}: the SMS a tester's phone would have received, to read one-time codes from. */
final class SmsPage {

    /** The page shows the latest ones; the JSON API has all that are kept. */
    static final int SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    private static final Text TITLE = new Text("SMS жәшігі", "SMS-ящик", "SMS inbox");
    private static final Text INTRO = new Text(
            "Платформа құмсалғыштың SMS орталығы арқылы жіберген барлық SMS: бір реттік кодтарды осы жерден оқыңыз. Ең жаңасы жоғарыда, Алматы уақыты; жаңа хабарламалар бетте 5 секунд сайын өздігінен пайда болады.",
            "Все SMS, которые платформа отправила через SMS-центр песочницы: одноразовые коды читайте здесь. Новые сверху, время Алматы; новые сообщения появляются на странице сами, каждые 5 секунд.",
            "Every SMS the platform sent through the sandbox's SMS centre: read one-time codes here. Newest first, Almaty time; new messages appear on the page by themselves, every five seconds.");
    private static final Text NUMBER = new Text("Нөмір", "Номер", "Number");
    private static final Text SHOW = new Text("Көрсету", "Показать", "Show");
    private static final Text ALL = new Text("барлық нөмірлер", "все номера", "all numbers");
    private static final Text NONE = new Text("Әзірге хабарлама жоқ.", "Сообщений пока нет.", "No messages yet.");
    private static final Text NONE_TO = new Text("%s нөміріне әзірге хабарлама жоқ.", "На номер %s сообщений пока нет.", "No messages to %s yet.");
    private static final Text OLDER = new Text("Тағы %d ескі хабарлама JSON API-де.", "Ещё %d старых сообщений — в JSON API.", "%d older messages are in the JSON API.");
    private static final List<Text> COLUMNS = List.of(new Text("Жіберілді", "Отправлено", "Sent"), new Text("Кімге", "Кому", "To"),
            new Text("Мәтін", "Текст", "Text"), new Text("Күйі", "Статус", "Status"), new Text("Сілтеме", "Ссылка", "Reference"),
            new Text("Квитанция", "Квитанция", "Receipt"));

    private final SmsCentre centre;
    private final Map<MobileNumber, Persona> holders;
    private final SandboxAddress address;

    SmsPage(SmsCentre centre, Map<MobileNumber, Persona> holders, SandboxAddress address) {
        this.centre = centre;
        this.holders = holders;
        this.address = address;
    }

    ServerResponse render(ServerRequest request, Optional<MobileNumber> to) {
        Language language = Language.of(request);
        List<SmsMessage> messages = centre.sent(to);
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(escape(INTRO.in(language))).append("</p>\n");
        body.append("<form class=\"fields\" method=\"get\"><label>").append(escape(NUMBER.in(language)))
                .append(" <input name=\"to\" type=\"tel\" placeholder=\"+77011234567\" value=\"").append(escape(to.map(MobileNumber::e164).orElse("")))
                .append("\"></label><button>").append(escape(SHOW.in(language))).append("</button>");
        if (to.isPresent()) {
            body.append(" <a href=\"").append(escape(Layout.path(request, "/sandbox/sms"))).append("\">").append(escape(ALL.in(language))).append("</a>");
        }
        body.append("</form>\n");
        if (messages.isEmpty()) {
            body.append("<p class=\"muted\">").append(escape(to.map(n -> NONE_TO.in(language, n.e164())).orElse(NONE.in(language)))).append("</p>\n");
        } else {
            body.append("<table class=\"stack\">\n").append(Layout.headers(language, COLUMNS));
            messages.stream().limit(SHOWN).forEach(message -> body.append("<tr>")
                    .append(Layout.cell(COLUMNS.get(0).in(language), "<span class=\"mono\">" + escape(TIME.format(message.sentAt())) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(1).in(language), "<a class=\"mono\" href=\"?to=" + escape(message.to().e164().replace("+", "%2B")) + "\">"
                            + escape(message.to().e164()) + "</a>" + holder(message.to())))
                    .append(Layout.cell(COLUMNS.get(2).in(language), "<strong>" + escape(message.text()) + "</strong>"))
                    .append(Layout.cell(COLUMNS.get(3).in(language), escape(message.status())
                            + message.error().map(error -> "<br><span class=\"muted\">" + escape(error) + "</span>").orElse("")))
                    .append(Layout.cell(COLUMNS.get(4).in(language), "<span class=\"mono\">" + escape(message.reference().orElse("")) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(5).in(language), receipt(message)))
                    .append("</tr>\n"));
            body.append("</table>\n");
            if (messages.size() > SHOWN) {
                body.append("<p class=\"muted\">").append(escape(OLDER.in(language, messages.size() - SHOWN))).append("</p>\n");
            }
        }
        body.append("<p class=\"muted\">JSON: <code>GET ").append(escape(address.base() + "/sms/v1/messages?to=%2B77011234567")).append("</code></p>\n");
        return Layout.respond(request, Layout.page(request, language, Section.SMS, TITLE, body.toString(), 5));
    }

    private String holder(MobileNumber number) {
        Persona persona = holders.get(number);
        return persona == null ? "" : "<br><span class=\"muted\">" + escape(persona.displayName()) + " (" + escape(persona.id()) + ")</span>";
    }

    private static String receipt(SmsMessage message) {
        SmsMessage.Receipt receipt = message.receipt();
        return switch (receipt.state()) {
            case NONE -> "<span class=\"muted\">—</span>";
            case POSTED -> "posted" + (receipt.attempts() > 1 ? " ×" + receipt.attempts() : "");
            case PENDING -> "pending" + receipt.lastError().map(error -> " (" + escape(error) + ")").orElse("");
            case GAVE_UP -> "gave up ×" + receipt.attempts() + receipt.lastError().map(error -> " (" + escape(error) + ")").orElse("");
        };
    }
}
