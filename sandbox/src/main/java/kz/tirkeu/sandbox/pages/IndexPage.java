package kz.tirkeu.sandbox.pages;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.util.List;
import java.util.Map;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** {@code GET /sandbox} for a browser: what the sandbox is, and where each of its tools is. The JSON index stays for API clients. */
public final class IndexPage {

    private static final Text TITLE = new Text("Tirkeu құмсалғышы", "Песочница Tirkeu", "The Tirkeu sandbox");
    private static final Text WHAT = new Text(
            "Құмсалғыш — платформа жұмыс істейтін сыртқы әлемнің эмуляциясы: мемлекеттік жүйелер (ГБД ЮЛ, ЭПТС, КГД, «Жасыл даму», ГБД ФЛ, "
                    + "электрондық шарттар, ЕРАП, ХҚКО каталогы), сынақ куәландырушы орталығы, МБГ, SMS орталығы, пошта, NCALayer орнындағы қол қойғыш, "
                    + "төлем шлюзі, баспа орталығы мен нөмір дайындаушы. Мұндағы адамдар — сынақ тұлғалары, кілттер — сынақ кілттері; ештеңенің заңды күші жоқ.",
            "Песочница эмулирует внешний мир, с которым работает платформа: государственные системы (ГБД ЮЛ, ЭПТС, КГД, «Жасыл даму», ГБД ФЛ, "
                    + "электронные договоры, ЕРАП, каталог ЦОН), тестовый удостоверяющий центр, МБГ, SMS-центр, почту, подписант вместо NCALayer, "
                    + "платёжный шлюз, центр печати и изготовителя номеров. Люди здесь — тестовые лица, ключи — тестовые; ничто не имеет юридической силы.",
            "The sandbox emulates the outside world the platform works with: the state systems (ГБД ЮЛ, ЭПТС, customs, recycling fee, ГБД ФЛ, "
                    + "e-contracts, ЕРАП, the public service centre catalogue), a test certification authority, МБГ, an SMS centre, a mail catcher, a signer "
                    + "standing in for NCALayer, the payment gateway, the print centre and the plate maker. The people are test persons, the keys test keys; "
                    + "nothing here has legal effect.");
    private static final Text START = new Text(
            "Бастау үшін: қол қойғышта тұлғаның кілтін салыңыз, платформаға кіріңіз (бір реттік код SMS жәшігінде), сценарийлерден дайын көлікті алыңыз.",
            "С чего начать: вставьте ключ тестового лица в подписанте, войдите на платформу (одноразовый код — в SMS-ящике), возьмите готовую машину в сценариях.",
            "To start: insert a persona's key on the signer, sign in to the platform (the one-time code is in the SMS inbox), take a ready car from the scenarios.");
    private static final Text API = new Text("API клиенттері үшін бұл мекенжай JSON береді (Accept: application/json).",
            "Для API-клиентов этот адрес отдаёт JSON (Accept: application/json).",
            "API clients get JSON at this address (Accept: application/json).");
    private static final Map<Section, Text> WHAT_EACH = Map.of(
            Section.PERSONAS, new Text("Сатып алушылар, дилер қызметкерлері, ХҚКО, полиция, әкімші: ЖСН/БСН, рөлдер, кілттер (құпиясөз Qwerty12), кері қайтарып алу.",
                    "Покупатели, сотрудники дилеров, ЦОН, полиция, администратор: ИИН/БИН, роли, ключи (пароль Qwerty12), отзыв и перевыпуск.",
                    "Buyers, dealer staff, PSC, police, administrator: IIN/BIN, roles, keys (password Qwerty12), revoke and renew."),
            Section.SCENARIOS, new Text("Әр қадамның сценарийі, жаңа дайын көлік жасау, ЕРАП айыппұлдары.",
                    "Сценарии каждого шага, новая готовая машина, штрафы ЕРАП.",
                    "A scenario per step, a fresh ready vehicle, ЕРАП fines."),
            Section.SMS, new Text("Платформа жіберген SMS: бір реттік кодтар.", "SMS, отправленные платформой: одноразовые коды.",
                    "SMS the platform sent: one-time codes."),
            Section.MAIL, new Text("Платформа жіберген хаттар.", "Письма, отправленные платформой.", "Mail the platform sent."),
            Section.SIGNER, new Text("Осы браузерге кімнің кілтін «салу» керек.", "Чей ключ «вставлен» в этом браузере.",
                    "Whose key is \"inserted\" in this browser."),
            Section.FAULTS, new Text("Жүйелердің кідірісі, қателері, істен шығуы: платформа күтеді және қайталайды.",
                    "Задержки, ошибки, отказы систем: платформа ждёт и повторяет.",
                    "Latency, errors, outages of the systems: the platform waits and retries."),
            Section.PRODUCTION, new Text("Куәліктерді басып шығару және нөмірлерді дайындау: кезеңді жылжыту.",
                    "Печать СРТС и изготовление номеров: продвинуть этап.",
                    "Certificate printing and plate making: move them on."),
            Section.PAYMENTS, new Text("Төлем шлюзінің шоттары; төленген шотты қайтару.", "Счета платёжного шлюза; возврат оплаченного счёта.",
                    "The payment gateway's invoices; refund a paid one."));

    private IndexPage() {}

    public static ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        body.append("<p>").append(escape(WHAT.in(language))).append("</p>\n");
        body.append("<p class=\"note\">").append(escape(START.in(language))).append("</p>\n");
        body.append("<ul class=\"links\">\n");
        for (Section section : List.of(Section.PERSONAS, Section.SCENARIOS, Section.SMS, Section.MAIL, Section.SIGNER, Section.FAULTS,
                Section.PRODUCTION, Section.PAYMENTS)) {
            body.append("<li><a href=\"").append(escape(Layout.path(request, section.path()))).append("\"><strong>")
                    .append(escape(section.label().in(language))).append("</strong></a><br><span class=\"muted\">")
                    .append(escape(WHAT_EACH.get(section).in(language))).append("</span></li>\n");
        }
        body.append("</ul>\n<p class=\"muted\">").append(escape(API.in(language))).append("</p>\n");
        return Layout.respond(request, Layout.page(request, language, Section.HOME, TITLE, body.toString(), 0));
    }
}
