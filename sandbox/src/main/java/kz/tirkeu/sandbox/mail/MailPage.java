package kz.tirkeu.sandbox.mail;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code GET /sandbox/mail}: the mails the catcher kept instead of delivering, newest first, filterable by address. */
final class MailPage {

    static final int SHOWN = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    private static final Text TITLE = new Text("Пошта", "Почта", "Mail");
    private static final Text INTRO = new Text(
            "Платформа жіберген хаттар (SMTP %s): олар ешкімге жеткізілмей, осында сақталады. Ең жаңасы жоғарыда, Алматы уақыты; жаңа хаттар бетте 10 секунд сайын өздігінен пайда болады.",
            "Письма, отправленные платформой (SMTP %s): они никому не доставляются, а хранятся здесь. Новые сверху, время Алматы; новые письма появляются на странице сами, каждые 10 секунд.",
            "Mail the platform sent (SMTP %s): kept here instead of delivered. Newest first, Almaty time; new mail appears on the page by itself, every 10 seconds.");
    private static final Text ADDRESS = new Text("Мекенжай", "Адрес", "Address");
    private static final Text SHOW = new Text("Көрсету", "Показать", "Show");
    private static final Text ALL = new Text("барлық мекенжайлар", "все адреса", "all addresses");
    private static final Text NONE = new Text("Әзірге хат жоқ.", "Писем пока нет.", "No mail yet.");
    private static final Text OFF = new Text("Пошта ұстағышы тыңдамайды: %s", "Перехватчик почты не слушает: %s", "The mail catcher is not listening: %s");
    private static final List<Text> COLUMNS = List.of(new Text("Алынды", "Получено", "Received"), new Text("Кімге", "Кому", "To"),
            new Text("Кімнен", "От", "From"), new Text("Тақырып және мәтін", "Тема и текст", "Subject and text"));

    private final MailCatcher catcher;

    MailPage(MailCatcher catcher) {
        this.catcher = catcher;
    }

    ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        Optional<String> to = request.param("to").map(String::strip).filter(value -> !value.isEmpty());
        StringBuilder body = new StringBuilder();
        if (catcher.port().isEmpty()) {
            body.append("<p class=\"error\" role=\"alert\">").append(escape(OFF.in(language, catcher.whyNotListening()))).append("</p>\n");
            return Layout.respond(request, Layout.page(request, language, Section.MAIL, TITLE, body.toString(), 0));
        }
        body.append("<p>").append(escape(INTRO.in(language, "localhost:" + catcher.port().getAsInt()))).append("</p>\n")
                .append("<form class=\"fields\" method=\"get\"><label>").append(escape(ADDRESS.in(language)))
                .append(" <input type=\"email\" name=\"to\" placeholder=\"aidar@example.kz\" value=\"").append(escape(to.orElse(""))).append("\"></label><button>")
                .append(escape(SHOW.in(language))).append("</button>");
        if (to.isPresent()) {
            body.append(" <a href=\"").append(escape(Layout.path(request, "/sandbox/mail"))).append("\">").append(escape(ALL.in(language))).append("</a>");
        }
        body.append("</form>\n");
        List<CapturedMail> mails = catcher.received(to);
        if (mails.isEmpty()) {
            body.append("<p class=\"muted\" id=\"no-mail\">").append(escape(NONE.in(language))).append("</p>\n");
        } else {
            body.append("<table class=\"stack\">\n").append(Layout.headers(language, COLUMNS));
            mails.stream().limit(SHOWN).forEach(mail -> body.append("<tr>")
                    .append(Layout.cell(COLUMNS.get(0).in(language), "<span class=\"mono\">" + escape(TIME.format(mail.receivedAt())) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(1).in(language), "<span class=\"mono\">" + escape(mail.to()) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(2).in(language), "<span class=\"mono\">" + escape(mail.from()) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(3).in(language), "<details><summary><strong>" + escape(mail.subject()) + "</strong></summary><pre style=\"white-space: pre-wrap\">"
                            + escape(mail.text().orElse(mail.html().map(html -> html.replaceAll("<[^>]+>", " ")).orElse(""))) + "</pre></details>"))
                    .append("</tr>\n"));
            body.append("</table>\n");
        }
        body.append("<p class=\"muted\">JSON: <code>GET /sandbox/mail/v1/messages?to=…</code></p>\n");
        return Layout.respond(request, Layout.page(request, language, Section.MAIL, TITLE, body.toString(), 10));
    }
}
