package kz.tirkeu.sandbox.payment;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/payments}: the gateway's latest invoices, with a refund button on paid ones (the
 * platform's registration decision asks the gateway again and finds the payment reversed). Outside the
 * gateway's faults: it is the tester's, not the platform's.
 */
public final class InvoicesPage {

    static final int SHOWN = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));
    private static final Text TITLE = new Text("Төлем шлюзінің шоттары", "Счета платёжного шлюза", "Payment gateway invoices");
    private static final Text INTRO = new Text("Соңғы шоттар, ең жаңасы жоғарыда. Төленген шотты қайтару — төлемнің кері қайтарылуы (мысалы, банк арқылы).",
            "Последние счета, новые сверху. Возврат оплаченного счёта — отмена платежа задним числом (например, через банк).",
            "The latest invoices, newest first. Refunding a paid invoice reverses the payment after the fact (a bank chargeback, say).");
    private static final Text NONE = new Text("Әзірге шот жоқ: сатып алушы S17-де төлегенде пайда болады.", "Счетов пока нет: появятся, когда покупатель платит на S17.",
            "No invoices yet: they appear when a buyer pays at S17.");
    private static final Text REFUND = new Text("Қайтару", "Вернуть", "Refund");
    private static final Text CONFIRM = new Text("%s шотын қайтару керек пе?", "Вернуть счёт %s?", "Refund invoice %s?");
    private static final Text REFUNDED = new Text("%s шоты қайтарылды.", "Счёт %s возвращён.", "Invoice %s refunded.");
    private static final Text OPEN = new Text("Төлем беті", "Страница оплаты", "Payment page");
    private static final List<Text> COLUMNS = List.of(new Text("Құрылды", "Создан", "Created"), new Text("Сілтеме", "Ссылка", "Reference"),
            new Text("Төлеуші", "Плательщик", "Payer"), new Text("Сомасы, ₸", "Сумма, ₸", "Amount, ₸"), new Text("Күйі", "Статус", "Status"),
            new Text("", "", ""));

    private final PaymentGateway gateway;

    public InvoicesPage(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
                .GET("/sandbox/payments", this::render)
                .POST("/sandbox/payments/refunds", this::refund)
                .build();
    }

    private ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        request.param("refunded").ifPresent(id -> body.append("<p class=\"done\" role=\"status\">").append(escape(REFUNDED.in(language, id))).append("</p>\n"));
        body.append("<p>").append(escape(INTRO.in(language))).append("</p>\n");
        List<Invoice> invoices = gateway.latest(SHOWN);
        if (invoices.isEmpty()) {
            body.append("<p class=\"muted\">").append(escape(NONE.in(language))).append("</p>\n");
        } else {
            body.append("<table class=\"stack\">\n").append(Layout.headers(language, COLUMNS));
            for (Invoice invoice : invoices) {
                String actions = "<a href=\"" + escape(Layout.path(request, "/sandbox/payments/pay/" + invoice.id())) + "\">" + escape(OPEN.in(language)) + "</a>";
                if (invoice.status() == Invoice.Status.PAID) {
                    actions += " <form class=\"inline\" method=\"post\" action=\"" + escape(Layout.path(request, "/sandbox/payments/refunds"))
                            + "\" onsubmit=\"return confirm(this.dataset.question)\" data-question=\"" + escape(CONFIRM.in(language, invoice.reference()))
                            + "\"><input type=\"hidden\" name=\"invoiceId\" value=\"" + escape(invoice.id()) + "\"><button class=\"danger\">"
                            + escape(REFUND.in(language)) + "</button></form>";
                }
                body.append("<tr>")
                        .append(Layout.cell(COLUMNS.get(0).in(language), "<span class=\"mono\">" + escape(TIME.format(invoice.createdAt())) + "</span>"))
                        .append(Layout.cell(COLUMNS.get(1).in(language), "<span class=\"mono\">" + escape(invoice.reference()) + "</span>"))
                        .append(Layout.cell(COLUMNS.get(2).in(language), "<span class=\"mono\">" + escape(invoice.payer().value()) + "</span>"))
                        .append(Layout.cell(COLUMNS.get(3).in(language), "<span class=\"mono\">" + invoice.amountKzt() + "</span>"))
                        .append(Layout.cell(COLUMNS.get(4).in(language), "<strong>" + escape(invoice.status()) + "</strong>"))
                        .append(Layout.cell("", actions))
                        .append("</tr>\n");
            }
            body.append("</table>\n");
        }
        return Layout.respond(request, Layout.page(request, language, Section.PAYMENTS, TITLE, body.toString(), 0));
    }

    private ServerResponse refund(ServerRequest request) {
        String id = request.param("invoiceId").orElse("");
        // Only a paid invoice is refunded; anything else comes back unchanged and the page says nothing was done.
        return gateway.refund(id).filter(invoice -> invoice.status() == Invoice.Status.REFUNDED)
                .map(invoice -> Layout.seeOther(request, "/sandbox/payments" + Layout.query(Map.of("refunded", invoice.reference()))))
                .orElseGet(() -> Layout.seeOther(request, "/sandbox/payments"));
    }
}
