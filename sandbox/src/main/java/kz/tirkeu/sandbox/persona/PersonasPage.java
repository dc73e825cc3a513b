package kz.tirkeu.sandbox.persona;

import static kz.tirkeu.sandbox.web.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.sandbox.pages.Language;
import kz.tirkeu.sandbox.pages.Layout;
import kz.tirkeu.sandbox.pages.Section;
import kz.tirkeu.sandbox.pages.Text;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code GET /sandbox/personas} for a browser: who is there, what each one is for, their keys with the
 * password, and buttons to insert a key into this browser's signer, to revoke or renew one.
 */
final class PersonasPage {

    private static final Text ID_DOCUMENT = new Text("Жеке басын куәландыратын құжат (ХҚКО-да көрсетеді)", "Удостоверение личности (предъявляет в ЦОН)",
            "Identity document (shown at the PSC)");

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Almaty"));
    private static final Text TITLE = new Text("Тест тұлғалар", "Тестовые лица", "Test personas");
    private static final Text INTRO = new Text(
            "Әр тұлғаның AUTH (кіру) және SIGN (қол қою) кілті бар: PKCS#12 файлдары, құпиясөзі %s. Кілтті осы браузердің қол қойғышына салыңыз, "
                    + "сонда платформа оны NCALayer арқылы көреді.",
            "У каждого лица есть ключ AUTH (вход) и SIGN (подпись): файлы PKCS#12, пароль %s. Вставьте ключ в подписант этого браузера — "
                    + "платформа увидит его через NCALayer.",
            "Each persona has an AUTH (sign-in) and a SIGN (signing) key: PKCS#12 files, password %s. Insert a key into this browser's signer "
                    + "and the platform sees it through NCALayer.");
    private static final Text PASSWORD = new Text("Құпиясөз", "Пароль", "Password");
    private static final Text ROLES = new Text("Сертификаттағы рөлдер", "Роли в сертификате", "Roles in the certificate");
    private static final Text PHONE = new Text("МБГ-дегі телефон", "Телефон в МБГ", "Phone in МБГ");
    private static final Text NO_PHONE = new Text("жоқ", "нет", "none");
    private static final Text INSERT = new Text("Қол қойғышқа салу", "Вставить в подписант", "Insert into the signer");
    private static final Text REVOKE = new Text("Кері қайтарып алу", "Отозвать", "Revoke");
    private static final Text RENEW = new Text("Жаңарту", "Перевыпустить", "Renew");
    private static final Text CONFIRM_REVOKE = new Text("%s кілтін кері қайтарып алу керек пе? Онымен енді кіру және қол қою мүмкін болмайды.",
            "Отозвать ключ %s? Им больше нельзя будет войти и подписать.", "Revoke the %s key? It will no longer sign in or sign.");
    private static final Text CONFIRM_RENEW = new Text("%s үшін жаңа кілт шығару керек пе? Ескісі кері қайтарылады.",
            "Выпустить новый ключ %s? Старый будет отозван.", "Make a new %s key? The old one is revoked.");
    private static final Text VALID_UNTIL = new Text("дейін жарамды", "действует до", "valid until");
    private static final Text DONE = new Text("Дайын: %s.", "Готово: %s.", "Done: %s.");
    private static final Text GOOD = new Text("жарамды", "действует", "valid");
    private static final Text REVOKED = new Text("кері қайтарылған", "отозван", "revoked");
    private static final Text EXPIRED = new Text("мерзімі өткен", "истёк", "expired");

    private static final Text FOR_BUYER = new Text("Сатып алушы: келісім береді, төлейді, өтінішке қол қояды (S10–S18).",
            "Покупатель: соглашается, платит, подписывает заявление (S10–S18).", "Buyer: agrees, pays and signs the application (S10–S18).");
    private static final Text FOR_FINES = new Text(" ЕРАП-та төленбеген айыппұлдары бар: S14-те бас тарту.",
            " Есть неоплаченные штрафы в ЕРАП: отказ на S14.", " Has unpaid fines in ЕРАП: refused at S14.");
    private static final Text FOR_NO_PHONE = new Text(" МБГ-де телефоны жоқ: нөмірін өзі енгізеді (S16).",
            " Нет телефона в МБГ: вводит номер сама (S16).", " No phone in МБГ: she enters a number (S16).");
    private static final Text FOR_MANAGER = new Text("Дилер менеджері, қол қою құқығы бар: өтінішті бастайды және дилер атынан қол қояды.",
            "Менеджер дилера с правом подписи: начинает заявление и подписывает от имени дилера.",
            "Dealer manager with signing right: starts applications and signs them for the dealer.");
    private static final Text FOR_NOT_DEALER = new Text("Автосервис менеджері (ЭҚЖЖ 45201), дилер емес: S1-де бас тарту.",
            "Менеджер автосервиса (ОКЭД 45201), не дилер: отказ на S1.", "Manager of a car-repair shop (OKED 45201), not a dealer: refused at S1.");
    private static final Text FOR_HEAD = new Text("Дилердің бірінші басшысы: дилер атынан қол қоя алады.",
            "Первый руководитель дилера: может подписывать от имени дилера.", "The dealer's first head: may sign for the dealer.");
    private static final Text FOR_CLERK = new Text("Дилер қызметкері, қол қою құқығы жоқ: өтінішке қол қоя алмайды.",
            "Сотрудник дилера без права подписи: подписать заявление не может.", "Dealer clerk without signing right: cannot sign an application.");
    private static final Text FOR_PSC = new Text("ХҚКО операторы (ALM-01): куәлік пен нөмірлерді береді.",
            "Оператор ЦОН (ALM-01): выдаёт СРТС и номера.", "PSC operator (ALM-01): hands over the certificate and plates.");
    private static final Text FOR_POLICE = new Text("Әкімшілік полиция қызметкері (02 өңір): тіркеу туралы шешім.",
            "Сотрудник административной полиции (регион 02): решение о регистрации.", "Police officer (region 02): the registration decision.");
    private static final Text FOR_AUDITOR = new Text("Аудитор: журналдарды оқиды.", "Аудитор: читает журналы.", "Auditor: reads the journals.");
    private static final Text FOR_REGIME_OFFICIAL = new Text("Уәкілетті орган: тәжірибелік режим туралы шешімдерді тіркеп, қол қояды.",
            "Уполномоченный орган: записывает и подписывает решения об экспериментальном режиме.",
            "Authorised body: records and signs the experimental regime's decisions.");
    private static final Text FOR_ADMIN = new Text("Әкімші: рөлдер береді.", "Администратор: выдаёт роли.", "Administrator: grants roles.");
    private static final Text FOR_PARTNER_SYSTEM = new Text("Дилердің ақпараттық жүйесі, платформаның серіктесі: OAuth клиенттік растауларына қол қояды (private_key_jwt); адамдар ол арқылы кіреді.",
            "Информационная система дилера, партнёр платформы: подписывает клиентские утверждения OAuth (private_key_jwt); люди входят через неё.",
            "The dealer's information system, a partner of the platform: signs its OAuth client assertions (private_key_jwt); people sign in through it.");
    private static final Text FOR_PLATFORM = new Text("Платформаның ұйым кілті: берілген куәліктерге қол қояды; кіру үшін емес.",
            "Ключ организации платформы: подписывает выданные свидетельства; не для входа.",
            "The platform's organisation key: signs the certificates it issues; not for signing in.");

    private final Personas personas;
    private final PersonaViews views;

    PersonasPage(Personas personas, PersonaViews views) {
        this.personas = personas;
        this.views = views;
    }

    ServerResponse render(ServerRequest request) {
        Language language = Language.of(request);
        StringBuilder body = new StringBuilder();
        request.param("done").ifPresent(done -> body.append("<p class=\"done\" role=\"status\">").append(escape(DONE.in(language, done))).append("</p>\n"));
        body.append("<p>").append(escape(INTRO.in(language, PersonaKeyFiles.PASSWORD))).append("</p>\n<div class=\"cards\">\n");
        personas.all().stream().sorted(Comparator.comparing(Persona::kind)).forEach(persona -> card(request, language, persona, body));
        body.append("</div>\n");
        return Layout.respond(request, Layout.page(request, language, Section.PERSONAS, TITLE, body.toString(), 0));
    }

    private void card(ServerRequest request, Language language, Persona persona, StringBuilder body) {
        PersonaViews.PersonaView view = views.persona(persona);
        body.append("<article class=\"card\" id=\"").append(escape(persona.id())).append("\">\n<h3>").append(escape(persona.displayName()))
                .append("</h3>\n<p class=\"muted\"><code>").append(escape(persona.id())).append("</code> · ").append(escape(persona.kind())).append("</p>\n")
                .append("<p>").append(escape(useFor(persona).in(language))).append(extra(persona, language)).append("</p>\n<p>");
        persona.iin().ifPresent(iin -> body.append("ИИН / ЖСН <code class=\"iin\">").append(escape(iin.value())).append("</code><br>"));
        if (persona.kind() == PersonaKind.BUYER) {
            Optional.ofNullable(view.identityDocuments()).flatMap(documents -> documents.stream().findFirst())
                    .ifPresent(document -> body.append(escape(ID_DOCUMENT.in(language)))
                            .append(": <code class=\"id-document\">").append(escape(document.shortForm())).append("</code><br>"));
        }
        persona.bin().ifPresent(bin -> body.append("БИН / БСН <code>").append(escape(bin.value())).append("</code> ")
                .append(escape(persona.organisation().orElse(""))).append("<br>"));
        if (!persona.kind().isSystem()) {
            body.append(escape(PHONE.in(language))).append(": <code>").append(escape(view.phone() == null ? NO_PHONE.in(language) : view.phone())).append("</code><br>");
        }
        body.append(escape(ROLES.in(language))).append(": ")
                .append(escape(persona.roles().stream().sorted().map(KzRole::name).collect(Collectors.joining(", ")))).append("</p>\n");
        for (PersonaViews.KeyView key : view.keys()) {
            String name = key.purpose().name();
            String stem = name.toLowerCase();
            Text status = switch (key.status()) {
                case "revoked" -> REVOKED;
                case "expired" -> EXPIRED;
                default -> GOOD;
            };
            String keyPath = "/sandbox/personas/" + persona.id() + "/" + stem;
            body.append("<p><strong>").append(name).append("</strong> <span class=\"").append(status == GOOD ? "good" : "bad")
                    .append("\" data-key=\"").append(stem).append("\">").append(escape(status.in(language))).append("</span> <span class=\"muted\">")
                    .append(escape(VALID_UNTIL.in(language))).append(' ').append(escape(DAY.format(key.notAfter()))).append(", № ")
                    .append("<code>").append(escape(key.serial())).append("</code></span><br>")
                    .append("<a href=\"").append(escape(Layout.path(request, keyPath + ".p12"))).append("\" download>").append(stem).append(".p12</a> · ")
                    .append("<a href=\"").append(escape(Layout.path(request, keyPath + ".pem"))).append("\" download>").append(stem).append(".pem</a> · ")
                    .append(escape(PASSWORD.in(language))).append(" <code>").append(escape(key.password())).append("</code></p>\n")
                    .append("<div class=\"actions\">")
                    .append(confirmed(request, keyPath + "/revocation", REVOKE.in(language), CONFIRM_REVOKE.in(language, persona.id() + " " + name), "danger"))
                    .append(confirmed(request, keyPath + "/renewal", RENEW.in(language), CONFIRM_RENEW.in(language, persona.id() + " " + name), ""))
                    .append("</div>\n");
        }
        if (!persona.kind().isSystem()) {
            body.append("<form class=\"actions\" method=\"post\" action=\"").append(escape(Layout.path(request, "/sandbox/signer")))
                    .append("\"><input type=\"hidden\" name=\"personaId\" value=\"").append(escape(persona.id()))
                    .append("\"><button class=\"primary\">").append(escape(INSERT.in(language))).append("</button></form>\n");
        }
        body.append("</article>\n");
    }

    /** A button that asks first: revoking cannot be undone (renewing makes a new key instead). */
    private static String confirmed(ServerRequest request, String path, String label, String question, String style) {
        return "<form class=\"inline\" method=\"post\" action=\"" + escape(Layout.path(request, path)) + "\" onsubmit=\"return confirm(this.dataset.question)\" "
                + "data-question=\"" + escape(question) + "\"><button class=\"" + style + "\">" + escape(label) + "</button></form>";
    }

    static Text useFor(Persona persona) {
        return switch (persona.kind()) {
            case BUYER -> FOR_BUYER;
            case PLATFORM -> FOR_PLATFORM;
            case PARTNER_SYSTEM -> FOR_PARTNER_SYSTEM;
            case STAFF -> switch (persona.id()) {
                case "staff-psc-operator" -> FOR_PSC;
                case "staff-police-officer" -> FOR_POLICE;
                case "staff-auditor" -> FOR_AUDITOR;
                case "staff-regime-official" -> FOR_REGIME_OFFICIAL;
                default -> FOR_ADMIN;
            };
            case DEALER_EMPLOYEE -> persona.id().startsWith("dealer3") ? FOR_NOT_DEALER
                    : persona.roles().contains(KzRole.FIRST_HEAD) ? FOR_HEAD
                    : persona.roles().contains(KzRole.SIGNING_RIGHT) ? FOR_MANAGER : FOR_CLERK;
        };
    }

    private static String extra(Persona persona, Language language) {
        return switch (persona.id()) {
            case "buyer-yerlan" -> escape(FOR_FINES.in(language));
            case PersonaCatalogue.BUYER_WITHOUT_PHONE -> escape(FOR_NO_PHONE.in(language));
            default -> "";
        };
    }
}
