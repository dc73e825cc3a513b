package kz.tirkeu.sandbox.payment;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import kz.tirkeu.sandbox.SandboxAddress;
import kz.tirkeu.sandbox.payment.Invoice.Item;
import kz.tirkeu.sandbox.payment.Invoice.Status;
import kz.tirkeu.sandbox.web.Html;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/payments/pay/{id}}: where the platform sends the payer at S17, to pay or decline
 * the invoice. No card is asked for: in the sandbox pressing Pay is paying.
 */
final class PaymentPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Almaty"));

    private final SandboxAddress address;

    PaymentPage(SandboxAddress address) {
        this.address = address;
    }

    /** @param refused the payer pressed a button on an invoice no longer pending */
    ServerResponse render(Invoice invoice, boolean refused) {
        StringBuilder body = new StringBuilder();
        body.append("<p>Төлем шлюзі · Платёжный шлюз · e-gov payment gateway (ПШЭП). A test invoice: no money moves.</p>\n");
        body.append("<table>\n")
                .append(row("Invoice", "<span class=\"mono\">" + escape(invoice.id()) + "</span>"))
                .append(row("Reference", "<span class=\"mono\">" + escape(invoice.reference()) + "</span>"))
                .append(row("Payer (ИИН / ЖСН)", "<span class=\"mono\" id=\"payer\">" + escape(invoice.payer().value()) + "</span>"))
                .append(row("Valid until", escape(TIME.format(invoice.expiresAt())) + " <span class=\"muted\">(Almaty)</span>"))
                .append(row("Status", "<strong id=\"status\">" + escape(invoice.status()) + "</strong>"
                        + invoice.paymentId().map(id -> " <span class=\"mono muted\">" + escape(id) + "</span>").orElse("")))
                .append("</table>\n");
        body.append("<h2>Items</h2>\n<table>\n<tr><th>Code</th><th>Description</th><th>Amount, ₸</th></tr>\n");
        for (Item item : invoice.items()) {
            body.append("<tr><td class=\"mono\">").append(escape(item.code())).append("</td><td>").append(escape(item.description()))
                    .append("</td><td class=\"mono\">").append(tenge(item.amountKzt())).append("</td></tr>\n");
        }
        body.append("<tr><th colspan=\"2\">Total · Итого · Барлығы</th><th class=\"mono\" id=\"total\">").append(tenge(invoice.amountKzt()))
                .append(" ₸</th></tr>\n</table>\n");
        String action = escape(PaymentRoutes.pageUrl(address, invoice));
        if (invoice.status() == Status.PENDING) {
            body.append("<p><form class=\"inline\" method=\"post\" action=\"").append(action)
                    .append("\"><input type=\"hidden\" name=\"action\" value=\"pay\"><button>Pay · Оплатить · Төлеу</button></form> ")
                    .append("<form class=\"inline\" method=\"post\" action=\"").append(action)
                    .append("\"><input type=\"hidden\" name=\"action\" value=\"decline\"><button>Decline · Отказаться · Бас тарту</button></form></p>\n");
        } else {
            body.append("<p>").append(refused ? "This invoice can no longer be paid or declined: " : "This invoice is ")
                    .append("<strong>").append(escape(invoice.status())).append("</strong>.</p>\n");
        }
        body.append("<p class=\"muted\">The platform learns the outcome from the gateway's signed confirmation; the same as JSON: <code>GET ")
                .append(escape(address.base() + "/payments/v1/invoices/" + invoice.id())).append("</code>.</p>\n");
        return Html.response(Html.page("Payment", body.toString()));
    }

    private static String row(String label, String html) {
        return "<tr><th>" + escape(label) + "</th><td>" + html + "</td></tr>\n";
    }

    private static String tenge(long amount) {
        return String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', ' ');
    }
}
