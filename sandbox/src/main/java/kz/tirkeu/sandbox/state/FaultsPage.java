package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/faults} for a browser: each emulated system with its faults, a form to set them and
 * buttons to reset. The forms post to {@code /sandbox/faults/{system}} and {@code /sandbox/faults/reset};
 * API clients keep {@code PUT /sandbox/faults/{system}} and {@code DELETE /sandbox/faults}.
 */
final class FaultsPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    private static final int MAX_OUTAGE_MINUTES = 24 * 60;

    private static final Text TITLE = new Text("Жүйелердің ақаулары", "Сбои систем", "Faults of the systems");
    private static final Text PROMISE = new Text(
            "Ақау платформаны күтуге және қайталауға мәжбүрлейді, бірақ ешқашан бас тартуға емес: тексеру жүйе қайта жауап бергенше күтеді, "
                    + "өтініш «жүйенің жауабын күтуде» күйінде тұрады, содан кейін өзі жалғасады.",
            "Сбой заставляет платформу ждать и повторять, но никогда не отказывать: проверка ждёт, пока система снова ответит, "
                    + "заявление стоит в состоянии «ожидает ответа системы», а потом продолжается само.",
            "A fault makes the platform wait and retry, never refuse: a check waits until the system answers again, the application shows "
                    + "that it is waiting for a state system, and then goes on by itself.");
    private static final Text HOW = new Text(
            "Кідіріс әр сұрауға қосылады; қате үлесі — 503 жауаптары; тайм-аут үлесі — 30 с ұсталатын сұраулар; бұзылған жауап үлесі — JSON емес 200; "
                    + "істен шығу — көрсетілген минут бойы барлық сұрауға 503.",
            "Задержка добавляется к каждому запросу; доля ошибок — ответы 503; доля тайм-аутов — запросы, задержанные на 30 с; доля битых ответов — "
                    + "200 не в JSON; отказ — 503 на все запросы столько минут.",
            "Latency is added to every request; the error share answers 503; the timeout share holds requests 30 s; the malformed share answers "
                    + "200 with a body that is not JSON; an outage answers 503 to everything for that many minutes.");
    private static final Text NONE = new Text("ақау жоқ", "сбоев нет", "no faults");
    private static final Text LATENCY = new Text("Кідіріс, мс", "Задержка, мс", "Latency, ms");
    private static final Text ERRORS = new Text("Қателер (503), %", "Ошибки (503), %", "Errors (503), %");
    private static final Text TIMEOUTS = new Text("Тайм-ауттар, %", "Тайм-ауты, %", "Timeouts, %");
    private static final Text MALFORMED = new Text("Бұзылған жауаптар, %", "Битые ответы, %", "Malformed answers, %");
    private static final Text OUTAGE = new Text("Істен шығу, мин", "Отказ, мин", "Outage, minutes");
    private static final Text OUTAGE_UNTIL = new Text("%s дейін істен шыққан", "отказ до %s", "down until %s");
    private static final Text SET = new Text("Орнату", "Установить", "Set");
    private static final Text RESET = new Text("Өшіру", "Сбросить", "Reset");
    private static final Text RESET_ALL = new Text("Барлық ақауларды өшіру", "Сбросить все сбои", "Reset all faults");
    private static final Text DONE = new Text("Сақталды: %s.", "Сохранено: %s.", "Saved: %s.");
    private static final Text ALL_RESET = new Text("Барлық ақаулар өшірілді.", "Все сбои сброшены.", "All faults are off.");
    private static final Text NOT_SAVED = new Text("Сақталмады: %s Мәндерді түзетіп, қайта жіберіңіз.",
            "Не сохранено: %s Исправьте значения и отправьте снова.", "Not saved: %s Correct the values and send again.");
    static final Map<String, Text> NAMES = Map.ofEntries(
            Map.entry("gbdul", new Text("ГБД ЮЛ — заңды тұлғалар", "ГБД ЮЛ — юридические лица", "ГБД ЮЛ — legal entities")),
            Map.entry("epts", new Text("ЭПТС — электрондық паспорттар", "ЭПТС — электронные паспорта", "ЭПТС — electronic passports")),
            Map.entry("customs", new Text("КГД — кедендік төлемдер", "КГД — таможенные платежи", "КГД — customs payments")),
            Map.entry("recycling", new Text("«Жасыл даму» — кәдеге жарату алымы", "«Жасыл даму» — утилизационный сбор", "«Жасыл даму» — recycling fee")),
            Map.entry("gbdfl", new Text("ГБД ФЛ — жеке тұлғалар", "ГБД ФЛ — физические лица", "ГБД ФЛ — individuals")),
            Map.entry("econtracts", new Text("Электрондық шарттар", "Электронные договоры", "E-contracts")),
            Map.entry("erap", new Text("ЕРАП — айыппұлдар", "ЕРАП — штрафы", "ЕРАП — fines")),
            Map.entry("mbg", new Text("МБГ — азаматтардың телефондары", "МБГ — телефоны граждан", "МБГ — citizens' phones")),
            Map.entry("psc", new Text("ХҚКО каталогы", "Каталог ЦОН", "Public service centres")),
            Map.entry("sms", new Text("SMS орталығы (жіберу)", "SMS-центр (отправка)", "SMS centre (sending)")),
            Map.entry("payments", new Text("Төлем шлюзі", "Платёжный шлюз", "Payment gateway")),
            Map.entry("print-centre", new Text("ИПЦ — куәліктерді басып шығару", "ИПЦ — печать СРТС", "Print centre — certificates")),
            Map.entry("plate-maker", new Text("Нөмір дайындаушы", "Изготовитель номеров", "Plate maker")),
            Map.entry("digital-documents", new Text("Цифрлық құжаттар", "Цифровые документы", "Digital documents")));

    private final StateSystemFaults faults;
    private final Clock clock;

    /** @param clock the faults' own: the sandbox's time, which a platform test clock does not move */
    FaultsPage(StateSystemFaults faults, Clock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        request.param("done").filter("all"::equals).ifPresent(done -> body.append("<p class=\"done\" role=\"status\">")
                .append(escape(ALL_RESET.in(language))).append("</p>\n"));
        body.append("<p class=\"note\"><strong>").append(escape(PROMISE.in(language))).append("</strong></p>\n<p class=\"muted\">")
                .append(escape(HOW.in(language))).append("</p>\n");
        body.append("<form method=\"post\" action=\"").append(escape(Layout.path(request, "/sandbox/faults/reset")))
                .append("\"><button class=\"danger\" id=\"reset-all\">").append(escape(RESET_ALL.in(language))).append("</button></form>\n");
        body.append("<div class=\"cards\">\n");
        faults.all().forEach((system, now) -> card(request, language, system, now, body));
        body.append("</div>\n<p class=\"muted\">JSON: <code>GET /sandbox/faults</code>, <code>PUT /sandbox/faults/{system}</code>, <code>DELETE /sandbox/faults</code></p>\n");
        return Layout.respond(request, Layout.page(request, language, Section.FAULTS, TITLE, body.toString(), 0));
    }

    private void card(ServerRequest request, Language language, String system, StateSystemFaults.Settings now, StringBuilder body) {
        String action = escape(Layout.path(request, "/sandbox/faults/" + system));
        body.append("<section class=\"card\" id=\"").append(escape(system)).append("\" aria-labelledby=\"h-").append(escape(system)).append("\">\n<h3 id=\"h-")
                .append(escape(system)).append("\">").append(escape(NAMES.get(system).in(language))).append("</h3>\n<p class=\"muted\"><code>")
                .append(escape(system)).append("</code> · <span class=\"").append(now.equals(StateSystemFaults.Settings.NONE) ? "good" : "bad")
                .append("\" data-state=\"").append(escape(system)).append("\">").append(escape(summary(language, now))).append("</span></p>\n");
        // The answer to this card's form is shown in the card: the page comes back scrolled to it.
        if (request.param("done").filter(system::equals).isPresent()) {
            body.append("<p class=\"done\" role=\"status\">").append(escape(DONE.in(language, NAMES.get(system).in(language)))).append("</p>\n");
        }
        if (request.param("system").filter(system::equals).isPresent()) {
            request.param("error").ifPresent(error -> body.append("<p class=\"error\" role=\"alert\">").append(escape(NOT_SAVED.in(language, error))).append("</p>\n"));
        }
        body
                .append("<form class=\"fields\" method=\"post\" action=\"").append(action).append("\">")
                .append(field(LATENCY.in(language), "latencyMs", system, String.valueOf(now.latencyMs()), "0", "60000", "100"))
                .append(field(ERRORS.in(language), "errorPercent", system, percent(now.errorRate()), "0", "100", "any"))
                .append(field(TIMEOUTS.in(language), "timeoutPercent", system, percent(now.timeoutRate()), "0", "100", "any"))
                .append(field(MALFORMED.in(language), "malformedPercent", system, percent(now.malformedRate()), "0", "100", "any"))
                .append(field(OUTAGE.in(language), "outageMinutes", system, String.valueOf(outageMinutesLeft(now)), "0", String.valueOf(MAX_OUTAGE_MINUTES), "1"))
                .append("<button class=\"primary\" name=\"do\" value=\"set\">").append(escape(SET.in(language))).append("</button>")
                .append("<button name=\"do\" value=\"reset\">").append(escape(RESET.in(language))).append("</button></form>\n</section>\n");
    }

    private static String field(String label, String name, String system, String value, String min, String max, String step) {
        return "<label>" + escape(label) + " <input type=\"number\" id=\"" + escape(system + "-" + name) + "\" name=\"" + name + "\" value=\"" + escape(value)
                + "\" min=\"" + min + "\" max=\"" + max + "\" step=\"" + step + "\" inputmode=\"decimal\"></label>";
    }

    private String summary(Language language, StateSystemFaults.Settings now) {
        if (now.equals(StateSystemFaults.Settings.NONE)) {
            return NONE.in(language);
        }
        StringBuilder summary = new StringBuilder();
        if (now.latencyMs() > 0) {
            summary.append(now.latencyMs()).append(" ms; ");
        }
        if (now.errorRate() > 0) {
            summary.append("503 ").append(percent(now.errorRate())).append("%; ");
        }
        if (now.timeoutRate() > 0) {
            summary.append("timeout ").append(percent(now.timeoutRate())).append("%; ");
        }
        if (now.malformedRate() > 0) {
            summary.append("malformed ").append(percent(now.malformedRate())).append("%; ");
        }
        if (outageMinutesLeft(now) > 0) {
            summary.append(OUTAGE_UNTIL.in(language, TIME.format(Instant.parse(now.outageUntil())))).append("; ");
        }
        return summary.isEmpty() ? NONE.in(language) : summary.substring(0, summary.length() - 2);
    }

    private long outageMinutesLeft(StateSystemFaults.Settings now) {
        if (now.outageUntil() == null) {
            return 0;
        }
        Duration left = Duration.between(clock.instant(), Instant.parse(now.outageUntil()));
        return left.isNegative() ? 0 : (left.toSeconds() + 59) / 60;
    }

    private static String percent(double rate) {
        String value = String.format(Locale.ROOT, "%.2f", rate * 100);
        return value.replaceAll("\\.?0+$", "");
    }

    /** The form's fields as the settings: percentages to shares, minutes of outage to an instant. */
    StateSystemFaults.Settings settingsFrom(ServerRequest request) {
        long latency = (long) number(request, "latencyMs", 0, 60_000);
        double error = number(request, "errorPercent", 0, 100) / 100;
        double timeout = number(request, "timeoutPercent", 0, 100) / 100;
        double malformed = number(request, "malformedPercent", 0, 100) / 100;
        double outage = number(request, "outageMinutes", 0, MAX_OUTAGE_MINUTES);
        String until = outage > 0 ? clock.instant().plusSeconds((long) (outage * 60)).toString() : null;
        return new StateSystemFaults.Settings(latency, error, timeout, malformed, until);
    }

    private static double number(ServerRequest request, String name, double min, double max) {
        String given = request.param(name).map(String::strip).orElse("");
        if (given.isEmpty()) {
            return 0;
        }
        double value;
        try {
            value = Double.parseDouble(given.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + given + "' is not a number.");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be " + (long) min + "–" + (long) max + ", not " + given + ".");
        }
        return value;
    }
}
