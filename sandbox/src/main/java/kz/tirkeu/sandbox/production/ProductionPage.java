package kz.tirkeu.sandbox.production;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/production}: the print centre's jobs and the plate maker's orders, each with a button
 * that moves it to its next stage now, so a tester need not wait for the delays.
 */
final class ProductionPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    private static final Text TITLE = new Text("Куәліктер мен нөмірлерді өндіру", "Производство СРТС и номеров", "Production of certificates and plates");
    private static final Text INTRO = new Text(
            "Тіркеуден кейін ИПЦ куәлікті (СРТС) бланкіге басып шығарады, нөмір дайындаушы нөмірлерді жасайды; екеуі де ХҚКО-ға жеткізіледі. "
                    + "Әр кезең өздігінен %s өтеді; «Келесі кезең» батырмасы оны қазір жылжытады.",
            "После регистрации ИПЦ печатает СРТС на бланке, изготовитель делает номера; оба доставляются в ЦОН. "
                    + "Каждый этап проходит сам за %s; кнопка «Следующий этап» продвигает его сейчас.",
            "After registration the print centre prints the certificate on a card blank and the plate maker makes the plates; both are "
                    + "delivered to the PSC. Each stage passes by itself after %s; \"Next stage\" moves it on now.");
    private static final Text JOBS = new Text("ИПЦ: басып шығару тапсырмалары", "ИПЦ: задания на печать", "Print centre: print jobs");
    private static final Text ORDERS = new Text("Нөмір дайындаушы: тапсырыстар", "Изготовитель номеров: заказы", "Plate maker: plate orders");
    private static final Text NOTHING = new Text("Әзірге жоқ: платформа көлікті тіркегенде пайда болады.", "Пока нет: появятся, когда платформа зарегистрирует машину.",
            "None yet: they appear once the platform registers a car.");
    private static final Text NEXT = new Text("Келесі кезең", "Следующий этап", "Next stage");
    private static final Text AT_LAST = new Text("ХҚКО-да", "В ЦОН", "At the PSC");
    private static final Text MOVED = new Text("%s жылжытылды.", "%s продвинут.", "%s moved on.");
    private static final List<Text> JOB_COLUMNS = List.of(new Text("Тапсырма", "Задание", "Job"), new Text("Куәлік №", "№ СРТС", "Certificate №"),
            new Text("ХҚКО", "ЦОН", "PSC"), new Text("Күйі", "Статус", "Status"), new Text("Бланк", "Бланк", "Blank"),
            new Text("Кезекке қойылды", "Поставлено", "Queued"), new Text("", "", ""));
    private static final List<Text> ORDER_COLUMNS = List.of(new Text("Тапсырыс", "Заказ", "Order"), new Text("Нөмір", "Номер", "Plate"),
            new Text("ХҚКО", "ЦОН", "PSC"), new Text("Күйі", "Статус", "Status"), new Text("Сериялық нөмірлер", "Серийные номера", "Serials"),
            new Text("Қабылданды", "Принят", "Accepted"), new Text("", "", ""));

    private final ProductionLine printJobs;
    private final ProductionLine plateOrders;
    private final Function<ProductionLine.Item, Map<String, Object>> job;
    private final Function<ProductionLine.Item, Map<String, Object>> order;
    private final java.time.Duration delay;

    ProductionPage(ProductionLine printJobs, ProductionLine plateOrders, Function<ProductionLine.Item, Map<String, Object>> job,
                   Function<ProductionLine.Item, Map<String, Object>> order, java.time.Duration delay) {
        this.printJobs = printJobs;
        this.plateOrders = plateOrders;
        this.job = job;
        this.order = order;
        this.delay = delay;
    }

    ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        request.param("moved").ifPresent(id -> body.append("<p class=\"done\" role=\"status\">").append(escape(MOVED.in(language, id))).append("</p>\n"));
        request.param("error").ifPresent(error -> body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n"));
        body.append("<p>").append(escape(INTRO.in(language, delay.toSeconds() + " s"))).append("</p>\n");
        table(request, language, JOBS, JOB_COLUMNS, printJobs, job, "print-centre", List.of("jobId", "certificateNumber", "pscCode", "status", "blankNumber", "queuedAt"), body);
        table(request, language, ORDERS, ORDER_COLUMNS, plateOrders, order, "plate-maker", List.of("orderId", "plateNumber", "pscCode", "status", "serials", "acceptedAt"), body);
        return Layout.respond(request, Layout.page(request, language, Section.PRODUCTION, TITLE, body.toString(), 0));
    }

    private void table(ServerRequest request, Language language, Text title, List<Text> columns, ProductionLine line,
                       Function<ProductionLine.Item, Map<String, Object>> view, String system, List<String> fields, StringBuilder body) {
        body.append("<h2 id=\"").append(system).append("\">").append(escape(title.in(language))).append("</h2>\n");
        List<ProductionLine.Item> items = line.all();
        if (items.isEmpty()) {
            body.append("<p class=\"muted\">").append(escape(NOTHING.in(language))).append("</p>\n");
            return;
        }
        body.append("<table class=\"stack\">\n").append(Layout.headers(language, columns));
        for (ProductionLine.Item item : items) {
            Map<String, Object> shown = view.apply(item);
            body.append("<tr id=\"").append(escape(item.id())).append("\">");
            for (int k = 0; k < fields.size(); k++) {
                Object value = shown.get(fields.get(k));
                String text = value instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                        : value == null ? "—" : fields.get(k).endsWith("At") ? TIME.format(java.time.Instant.parse(value.toString())) : value.toString();
                body.append(Layout.cell(columns.get(k).in(language), k == 3 ? "<strong>" + escape(text) + "</strong>" : "<span class=\"mono\">" + escape(text) + "</span>"));
            }
            body.append(Layout.cell("", line.last(item) ? "<span class=\"good\">" + escape(AT_LAST.in(language)) + "</span>"
                    : "<form class=\"inline\" method=\"post\" action=\"" + escape(Layout.path(request, "/sandbox/production/" + system + "/" + item.id() + "/advance"))
                    + "\"><button>" + escape(NEXT.in(language)) + "</button></form>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
    }
}
