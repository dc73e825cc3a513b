package kz.tirkeu.sandbox.state;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.util.List;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import kz.tirkeu.sandbox.persona.Persona;
import kz.tirkeu.sandbox.persona.PersonaCatalogue;
import kz.tirkeu.sandbox.persona.PersonaKind;
import kz.tirkeu.sandbox.state.StateRecords.Fine;
import kz.tirkeu.sandbox.state.StateRecords.Fines;
import kz.tirkeu.sandbox.state.StateRecords.Scenario;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/scenarios} for a browser: a fresh ready vehicle (the seed's control), the scenario
 * catalogue, and ЕРАП's fines to add or pay between steps.
 */
final class ScenariosPage {

    private static final Text TITLE = new Text("Сценарийлер", "Сценарии", "Scenarios");
    private static final Text FRESH = new Text("Тіркеуге дайын жаңа көлік", "Новая машина, готовая к регистрации", "A fresh vehicle ready for registration");
    private static final Text FRESH_WHY = new Text(
            "Белсенді ЭПТС, кеден және кәдеге жарату алымы төленген, қол қойылған шарт. VIN бір рет қана тіркеледі: әр сынақ үшін жаңасын алыңыз.",
            "Активный ЭПТС, таможня и утилизационный сбор оплачены, договор подписан. VIN регистрируется один раз: берите новую машину для каждой попытки.",
            "An active ЭПТС, customs and recycling fee paid, a signed contract. A VIN is registered once: take a fresh one for every try.");
    private static final Text BUYER = new Text("Сатып алушының ЖСН-і (немесе тізімнен тұлға)", "ИИН покупателя (или лицо из списка)",
            "Buyer's IIN (or a persona from the list)");
    private static final Text TWELVE_DIGITS = new Text("12 сан", "12 цифр", "12 digits");
    private static final Text DEALER = new Text("Дилер", "Дилер", "Dealer");
    private static final Text MAKE = new Text("Көлік жасау", "Создать машину", "Make the vehicle");
    private static final Text MADE = new Text("Жаңа көлік: VIN %s, сатушы БСН %s, сатып алушы ЖСН %s.", "Новая машина: VIN %s, продавец БИН %s, покупатель ИИН %s.",
            "New vehicle: VIN %s, seller BIN %s, buyer IIN %s.");
    private static final Text NOT_MADE = new Text("Көлік жасалмады: %s", "Машина не создана: %s", "No vehicle made: %s");
    private static final Text CATALOGUE = new Text("Сценарийлер каталогы", "Каталог сценариев", "The scenario catalogue");
    private static final Text CATALOGUE_NOTE = new Text(
            "Әр сценарийдің өз VIN-і бар. Сипаттамалар ағылшынша (API-мен бірдей).",
            "У каждого сценария свой VIN. Описания — на английском, как в API.",
            "Each scenario has its own VIN. The descriptions are those of the API.");
    private static final List<Text> COLUMNS = List.of(new Text("Сценарий", "Сценарий", "Scenario"), new Text("Қадам", "Шаг", "Step"),
            new Text("Не болады", "Что происходит", "What happens"), new Text("Сатушы → сатып алушы", "Продавец → покупатель", "Seller → buyer"),
            new Text("VIN", "VIN", "VIN"), new Text("Күтілетін нәтиже", "Ожидаемый результат", "Expected outcome"));
    private static final Text ERAP = new Text("ЕРАП айыппұлдары", "Штрафы ЕРАП", "ЕРАП fines");
    private static final Text ERAP_WHY = new Text("Төленбеген айыппұл S14-те бас тартуға әкеледі. Қадамдар арасында айыппұл қосыңыз немесе төлеңіз.",
            "Неоплаченный штраф ведёт к отказу на S14. Добавьте или оплатите штраф между шагами.",
            "An unpaid fine means a refusal at S14. Add or pay a fine between steps.");
    private static final Text IIN = new Text("ЖСН", "ИИН", "IIN");
    private static final Text AMOUNT = new Text("Сомасы, ₸", "Сумма, ₸", "Amount, ₸");
    private static final Text ADD_FINE = new Text("Айыппұл қосу", "Добавить штраф", "Add a fine");
    private static final Text PAY = new Text("Төлеу", "Оплатить", "Pay");
    private static final Text NO_FINES = new Text("Ешкімде төленбеген айыппұл жоқ.", "Неоплаченных штрафов нет.", "Nobody has unpaid fines.");
    private static final Text FINE_DONE = new Text("ЕРАП жаңартылды: %s.", "ЕРАП обновлён: %s.", "ЕРАП updated: %s.");

    private final StateData data;
    private final PersonaCatalogue catalogue;

    ScenariosPage(StateData data, PersonaCatalogue catalogue) {
        this.data = data;
        this.catalogue = catalogue;
    }

    ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        fresh(request, language, body);
        catalogue(language, body);
        fines(request, language, body);
        return Layout.respond(request, Layout.page(request, language, Section.SCENARIOS, TITLE, body.toString(), 0));
    }

    private void fresh(ServerRequest request, Language language, StringBuilder body) {
        body.append("<section id=\"fresh\" aria-labelledby=\"fresh-title\"><h2 id=\"fresh-title\">").append(escape(FRESH.in(language))).append("</h2>\n");
        request.param("vin").ifPresent(vin -> body.append("<p class=\"done\" role=\"status\" id=\"made\">").append(made(language, vin, request)).append("</p>\n"));
        request.param("vehicleError").ifPresent(error -> body.append("<p class=\"error\" role=\"alert\">").append(escape(NOT_MADE.in(language, error))).append("</p>\n"));
        body.append("<p>").append(escape(FRESH_WHY.in(language))).append("</p>\n")
                .append("<form class=\"fields\" method=\"post\" action=\"").append(escape(Layout.path(request, "/sandbox/seed/v1/ready-vehicles"))).append("\">")
                .append("<label>").append(escape(BUYER.in(language))).append(" <input id=\"buyerIin\" name=\"buyerIin\" list=\"buyers\" required inputmode=\"numeric\" ")
                .append("autocomplete=\"off\" pattern=\"\\d{12}\" maxlength=\"12\" placeholder=\"").append(escape(TWELVE_DIGITS.in(language))).append("\"></label>")
                .append("<datalist id=\"buyers\">").append(buyerOptions()).append("</datalist>")
                .append("<label>").append(escape(DEALER.in(language))).append(" <select id=\"sellerBin\" name=\"sellerBin\">");
        for (int dealer = 1; dealer <= 2; dealer++) {
            String bin = data.dealer(dealer);
            body.append("<option value=\"").append(escape(bin)).append("\">").append(escape(data.organisation(bin).map(o -> o.name()).orElse(bin)))
                    .append(" — ").append(escape(bin)).append("</option>");
        }
        body.append("</select></label><button class=\"primary\" id=\"make-vehicle\">").append(escape(MAKE.in(language))).append("</button></form>\n</section>\n");
    }

    private String made(Language language, String vin, ServerRequest request) {
        return escape(MADE.in(language, "\u0000", request.param("seller").orElse("?"), request.param("buyer").orElse("?")))
                .replace("\u0000", "<code id=\"made-vin\">" + escape(vin) + "</code>");
    }

    private String buyerOptions() {
        StringBuilder options = new StringBuilder();
        for (Persona persona : catalogue.personas()) {
            if (persona.kind() == PersonaKind.BUYER) {
                persona.iin().ifPresent(iin -> options.append("<option value=\"").append(escape(iin.value())).append("\">")
                        .append(escape(persona.displayName() + " (" + persona.id() + ")")).append("</option>"));
            }
        }
        return options.toString();
    }

    private void catalogue(Language language, StringBuilder body) {
        body.append("<section aria-labelledby=\"catalogue\"><h2 id=\"catalogue\">").append(escape(CATALOGUE.in(language))).append("</h2>\n<p class=\"muted\">")
                .append(escape(CATALOGUE_NOTE.in(language))).append("</p>\n<table class=\"stack\">\n").append(Layout.headers(language, COLUMNS));
        for (Scenario scenario : data.scenarios()) {
            String buyer = scenario.buyer().personaId() != null ? scenario.buyer().personaId() : scenario.buyer().iin();
            if (scenario.buyer().correction() != null) {
                buyer += " → " + (scenario.buyer().correction().personaId() != null ? scenario.buyer().correction().personaId() : scenario.buyer().correction().iin());
            }
            String expected = scenario.expected().outcome() + " · " + scenario.expected().step()
                    + (scenario.expected().refusalCode() != null ? " · " + scenario.expected().refusalCode() : "");
            body.append("<tr id=\"scenario-").append(escape(scenario.id())).append("\">")
                    .append(Layout.cell(COLUMNS.get(0).in(language), "<code>" + escape(scenario.id()) + "</code>"))
                    .append(Layout.cell(COLUMNS.get(1).in(language), escape(scenario.step())))
                    .append(Layout.cell(COLUMNS.get(2).in(language), "<strong>" + escape(scenario.title()) + "</strong><br><span class=\"muted\">"
                            + escape(scenario.description()) + "</span>"))
                    .append(Layout.cell(COLUMNS.get(3).in(language), "<code>" + escape(scenario.seller().personaId()) + "</code> → <code>" + escape(buyer) + "</code>"))
                    .append(Layout.cell(COLUMNS.get(4).in(language), "<code>" + escape(scenario.vin()) + "</code>"))
                    .append(Layout.cell(COLUMNS.get(5).in(language), escape(expected)))
                    .append("</tr>\n");
        }
        body.append("</table>\n</section>\n");
    }

    private void fines(ServerRequest request, Language language, StringBuilder body) {
        body.append("<section id=\"erap\" aria-labelledby=\"erap-title\"><h2 id=\"erap-title\">").append(escape(ERAP.in(language))).append("</h2>\n");
        request.param("fines").ifPresent(done -> body.append("<p class=\"done\" role=\"status\">").append(escape(FINE_DONE.in(language, done))).append("</p>\n"));
        request.param("fineError").ifPresent(error -> body.append("<p class=\"error\" role=\"alert\">").append(escape(error)).append("</p>\n"));
        body.append("<p>").append(escape(ERAP_WHY.in(language))).append("</p>\n")
                .append("<form class=\"fields\" method=\"post\" action=\"").append(escape(Layout.path(request, "/sandbox/scenarios/fines"))).append("\">")
                .append("<label>").append(escape(IIN.in(language))).append(" <input id=\"fineIin\" name=\"iin\" list=\"buyers\" required inputmode=\"numeric\" ")
                .append("autocomplete=\"off\" maxlength=\"12\"></label><label>").append(escape(AMOUNT.in(language)))
                .append(" <input type=\"number\" name=\"amountKzt\" min=\"1\" value=\"").append(5 * StateData.MRP).append("\"></label><button id=\"add-fine\">")
                .append(escape(ADD_FINE.in(language))).append("</button></form>\n");
        List<Fines> unpaid = data.unpaidFines();
        if (unpaid.isEmpty()) {
            body.append("<p class=\"muted\">").append(escape(NO_FINES.in(language))).append("</p>\n");
        }
        body.append("<ul>\n");
        for (Fines fines : unpaid) {
            for (Fine fine : fines.unpaid()) {
                body.append("<li><code>").append(escape(fines.iin())).append("</code> ").append(escape(owner(fines.iin()))).append(" — № <code>")
                        .append(escape(fine.protocolNumber())).append("</code>, ").append(fine.amountKzt()).append(" ₸, ").append(escape(fine.description()))
                        .append(" <form class=\"inline\" method=\"post\" action=\"").append(escape(Layout.path(request, "/sandbox/scenarios/fines/paid")))
                        .append("\"><input type=\"hidden\" name=\"iin\" value=\"").append(escape(fines.iin())).append("\"><input type=\"hidden\" name=\"protocolNumber\" value=\"")
                        .append(escape(fine.protocolNumber())).append("\"><button>").append(escape(PAY.in(language))).append("</button></form></li>\n");
            }
        }
        body.append("</ul>\n</section>\n");
    }

    private String owner(String iin) {
        return catalogue.personas().stream().filter(p -> p.iin().map(i -> i.value().equals(iin)).orElse(false)).findFirst()
                .map(p -> "(" + p.id() + ")").orElse("");
    }
}
