package kz.tirkeu.regime.monitoring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.registry.certificate.CertificatePdf;
import kz.tirkeu.regime.monitoring.Indicators.Spread;
import kz.tirkeu.regime.monitoring.Indicators.Tally;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * The evaluation report as a printable PDF in Kazakh or Russian, one language per file. It renders the sealed JSON;
 * the sealed file (.p7m) is the document. DejaVu Sans is embedded for Kazakh Cyrillic, as on the certificate.
 */
@Component
public class EvaluationPdf {

    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(RegimeDates.ZONE);

    public enum Language { kk, ru }

    private static final Map<Language, Map<String, String>> LABELS = Map.of(
            Language.kk, Map.ofEntries(
                    Map.entry("title", "ЭКСПЕРИМЕНТТІК ҚҰҚЫҚТЫҚ РЕЖИМДІ БАҒАЛАУ ТУРАЛЫ ЕСЕП"),
                    Map.entry("number", "Есептің нөмірі"), Map.entry("regime", "Режим"), Map.entry("basis", "Құқықтық негізі"),
                    Map.entry("term", "Режимнің мерзімі"), Map.entry("territory", "Аумағы"), Map.entry("status", "Кезең соңындағы мәртебесі"),
                    Map.entry("period", "Кезең"), Map.entry("issued", "Берілген уақыты (Астана)"), Map.entry("issuer", "Берген"),
                    Map.entry("indicators", "Көрсеткіштер"), Map.entry("all", "Бүкіл режим"), Map.entry("byRegion", "Өңірлер бойынша"),
                    Map.entry("byDealer", "Дилерлер бойынша"), Map.entry("started", "Басталды"), Map.entry("registered", "Тіркелді"),
                    Map.entry("handedOver", "Берілді"), Map.entry("refused", "Бас тартылды"), Map.entry("declined", "Сатып алушы қабылдамады"),
                    Map.entry("expired", "Мерзімі өтті"), Map.entry("toRegistered", "S1 → тіркеу: медиана / 90-процентиль"),
                    Map.entry("toHandover", "Тіркеу → беру: медиана / 90-процентиль"), Map.entry("reviews", "Қайта қарау: сұралды / бас тарту жойылды"),
                    Map.entry("waits", "Мемлекеттік жүйелерді күту: саны / жалпы уақыты"), Map.entry("notices", "Хабарламалар: жіберілді / жеткізілді / оқылды"),
                    Map.entry("refusals", "Бас тартулар (қадам, код, саны)"), Map.entry("decisions", "Кезеңдегі шешімдер"),
                    Map.entry("reports", "Дилерлердің есептері"), Map.entry("noReport", "Есеп бермеген дилерлер"), Map.entry("none", "жоқ"),
                    Map.entry("method", "Есептеу әдісі"),
                    Map.entry("methodText", "Әрекеттер журналы бойынша есептеледі. Оқиға болған кезеңде есептеледі (Asia/Almaty күндері, екі шеті де кіреді). "
                            + "Бас тартулар — түпкілікті бас тартулар (автоматты және полиция қызметкерлерінікі), қадам және код бойынша; S1-де режимнің өзі "
                            + "бас тартқан әрекеттер де кіреді. Мерзімдер — медиана және 90-процентиль. Өтініш сатушының ГБД ЮЛ-дағы заңды мекенжайы өңіріне жатады. "
                            + "Толық сипаттамасы — JSON-дағы method өрісінде."),
                    Map.entry("allRegions", "Қазақстанның барлық өңірлері (01–20)"),
                    Map.entry("status.PROPOSED", "Ұсынылды"), Map.entry("status.ESTABLISHED", "Белгіленді"), Map.entry("status.ACTIVE", "Қолданыста"),
                    Map.entry("status.SUSPENDED", "Тоқтатыла тұрды"), Map.entry("status.TERMINATED", "Тоқтатылды"),
                    Map.entry("kind.PROPOSED", "Ұсынылды"), Map.entry("kind.ESTABLISHED", "Белгіленді"), Map.entry("kind.MODIFIED", "Өзгертілді"),
                    Map.entry("kind.SUBJECT_ADMITTED", "Ұйым жіберілді"), Map.entry("kind.SUBJECT_EXCLUDED", "Ұйым шығарылды"),
                    Map.entry("kind.SUSPENDED", "Тоқтатыла тұрды"), Map.entry("kind.RESUMED", "Қайта басталды"), Map.entry("kind.TERMINATED", "Тоқтатылды"),
                    Map.entry("original", "Түпнұсқасы — платформаның ЭЦҚ-мен мөрленген электрондық құжат (.p7m); бұл файл — оның басып шығаруға арналған көрінісі.")),
            Language.ru, Map.ofEntries(
                    Map.entry("title", "ОТЧЁТ ОБ ОЦЕНКЕ ЭКСПЕРИМЕНТАЛЬНОГО ПРАВОВОГО РЕЖИМА"),
                    Map.entry("number", "Номер отчёта"), Map.entry("regime", "Режим"), Map.entry("basis", "Правовое основание"),
                    Map.entry("term", "Срок режима"), Map.entry("territory", "Территория"), Map.entry("status", "Статус на конец периода"),
                    Map.entry("period", "Период"), Map.entry("issued", "Выдан (время Астаны)"), Map.entry("issuer", "Выдал"),
                    Map.entry("indicators", "Показатели"), Map.entry("all", "Весь режим"), Map.entry("byRegion", "По регионам"),
                    Map.entry("byDealer", "По дилерам"), Map.entry("started", "Начато"), Map.entry("registered", "Зарегистрировано"),
                    Map.entry("handedOver", "Выдано"), Map.entry("refused", "Отказано"), Map.entry("declined", "Отклонено покупателем"),
                    Map.entry("expired", "Истекло"), Map.entry("toRegistered", "S1 → регистрация: медиана / 90-й процентиль"),
                    Map.entry("toHandover", "Регистрация → выдача: медиана / 90-й процентиль"), Map.entry("reviews", "Пересмотры: запрошено / отказов отменено"),
                    Map.entry("waits", "Ожидания госсистем: число / общее время"), Map.entry("notices", "Уведомления: отправлено / доставлено / прочитано"),
                    Map.entry("refusals", "Отказы (шаг, код, число)"), Map.entry("decisions", "Решения за период"),
                    Map.entry("reports", "Отчёты дилеров"), Map.entry("noReport", "Дилеры, не представившие отчёт"), Map.entry("none", "нет"),
                    Map.entry("method", "Методика подсчёта"),
                    Map.entry("methodText", "Считается по журналам действий заявлений. Событие считается в том периоде, когда произошло (дни Asia/Almaty, оба конца "
                            + "включительно). Отказы — окончательные (автоматические и сотрудников полиции), по шагу и коду; включая попытки, в которых на S1 "
                            + "отказал сам режим. Сроки — медиана и 90-й процентиль. Заявление относится к региону юридического адреса продавца в ГБД ЮЛ. "
                            + "Полное описание — в поле method JSON."),
                    Map.entry("allRegions", "все регионы Казахстана (01–20)"),
                    Map.entry("status.PROPOSED", "Предложен"), Map.entry("status.ESTABLISHED", "Установлен"), Map.entry("status.ACTIVE", "Действует"),
                    Map.entry("status.SUSPENDED", "Приостановлен"), Map.entry("status.TERMINATED", "Прекращён"),
                    Map.entry("kind.PROPOSED", "Предложен"), Map.entry("kind.ESTABLISHED", "Установлен"), Map.entry("kind.MODIFIED", "Изменён"),
                    Map.entry("kind.SUBJECT_ADMITTED", "Организация допущена"), Map.entry("kind.SUBJECT_EXCLUDED", "Организация исключена"),
                    Map.entry("kind.SUSPENDED", "Приостановлен"), Map.entry("kind.RESUMED", "Возобновлён"), Map.entry("kind.TERMINATED", "Прекращён"),
                    Map.entry("original", "Оригинал — электронный документ, скреплённый ЭЦП платформы (.p7m); этот файл — его печатное представление.")));

    public byte[] render(EvaluationContent report, Language language) {
        Map<String, String> l = LABELS.get(language);
        Locale locale = Locale.forLanguageTag(language.name());
        try (PDDocument pdf = new PDDocument()) {
            Writer out = new Writer(pdf, PDType0Font.load(pdf, font(FONT)), PDType0Font.load(pdf, font(BOLD_FONT)));
            pdf.getDocumentInformation().setTitle(l.get("title") + " " + report.number());
            pdf.getDocumentInformation().setCreator("Tirkeu");
            out.heading(l.get("title"), 13);
            out.pair(l.get("number"), report.number());
            out.pair(l.get("regime"), report.name().in(locale) + " (" + report.regime() + ", v" + report.regimeVersion() + ")");
            out.pair(l.get("basis"), String.join("; ", report.legalBasis()));
            out.pair(l.get("term"), RegimeDates.text(report.term().start()) + " – " + RegimeDates.text(report.term().end()));
            out.pair(l.get("territory"), report.territory().size() == 20 ? l.get("allRegions") : String.join(", ", new java.util.TreeSet<>(report.territory())));
            out.pair(l.get("status"), l.get("status." + report.statusAtPeriodEnd().name()));
            out.pair(l.get("period"), report.period().text());
            out.pair(l.get("issued"), MOMENT.format(report.issuedAt()));
            out.pair(l.get("issuer"), report.issuer());

            out.heading(l.get("indicators") + ": " + l.get("all"), 11);
            tally(out, l, report.indicators().total());
            out.heading(l.get("byRegion"), 11);
            for (Tally t : report.indicators().byRegion()) {
                out.bold(t.key());
                tally(out, l, t);
            }
            out.heading(l.get("byDealer"), 11);
            for (Tally t : report.indicators().byDealer()) {
                out.bold(t.key());
                tally(out, l, t);
            }
            out.heading(l.get("decisions"), 11);
            if (report.decisions().isEmpty()) {
                out.line(l.get("none"));
            }
            report.decisions().forEach(d -> out.line(RegimeDates.text(d.effectiveOn()) + " · " + l.getOrDefault("kind." + d.kind(), d.kind())
                    + (d.legalBasis() == null ? "" : " · " + d.legalBasis()) + (d.reason() == null ? "" : " · " + d.reason().in(locale))));
            out.heading(l.get("reports"), 11);
            if (report.dealerReports().isEmpty()) {
                out.line(l.get("none"));
            }
            report.dealerReports().forEach(r -> out.line(r.dealerBin() + " " + r.dealerName() + " · " + RegimeDates.text(r.from()) + "–"
                    + RegimeDates.text(r.to()) + " · " + MOMENT.format(r.submittedAt())));
            out.pair(l.get("noReport"), report.dealersWithoutReport().isEmpty() ? l.get("none") : String.join(", ", report.dealersWithoutReport()));
            out.heading(l.get("method"), 10);
            out.small(l.get("methodText"));
            out.small(l.get("original"));
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the evaluation report PDF", e);
        }
    }

    private static void tally(Writer out, Map<String, String> l, Tally t) {
        out.pair(l.get("started") + " / " + l.get("registered") + " / " + l.get("handedOver"), t.started() + " / " + t.registered() + " / " + t.handedOver());
        out.pair(l.get("refused") + " / " + l.get("declined") + " / " + l.get("expired"), t.refusedTotal() + " / " + t.declined() + " / " + t.expired());
        out.pair(l.get("toRegistered"), spread(t.toRegistered()));
        out.pair(l.get("toHandover"), spread(t.toHandover()));
        out.pair(l.get("reviews"), t.reviewsAsked() + " / " + t.reviewsOverturned());
        out.pair(l.get("waits"), t.outageWaits() + " / " + hours(t.outageWaitTime()));
        out.pair(l.get("notices"), t.noticesSent() + " / " + t.noticesDelivered() + " / " + t.noticesRead());
        if (!t.refused().isEmpty()) {
            out.pair(l.get("refusals"), String.join("; ", t.refused().stream().map(r -> r.step() + " " + r.code() + " " + r.count()).toList()));
        }
    }

    private static String spread(Spread s) {
        return s.count() == 0 ? "—" : hours(s.median().orElse(Duration.ZERO)) + " / " + hours(s.p90().orElse(Duration.ZERO)) + " (n=" + s.count() + ")";
    }

    private static String hours(Duration d) {
        return d.toHours() + ":" + String.format("%02d", d.toMinutesPart());
    }

    private static InputStream font(String resource) {
        InputStream in = EvaluationPdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font " + resource + " is missing: is jasperreports-fonts on the class path?");
        }
        return in;
    }

    /** Lines of text down A4 pages, a new page when one is full. */
    private static final class Writer {

        private static final float LEFT = 50;
        private static final float WIDTH = 495;
        private final PDDocument pdf;
        private final PDType0Font font;
        private final PDType0Font bold;
        private PDPageContentStream page;
        private float y;

        Writer(PDDocument pdf, PDType0Font font, PDType0Font bold) throws IOException {
            this.pdf = pdf;
            this.font = font;
            this.bold = bold;
            newPage();
        }

        void heading(String text, float size) {
            y -= 8;
            write(bold, size, LEFT, WIDTH, text);
        }

        void bold(String text) {
            write(bold, 9, LEFT, WIDTH, text);
        }

        void line(String text) {
            write(font, 9, LEFT, WIDTH, text);
        }

        void small(String text) {
            write(font, 7.5f, LEFT, WIDTH, text);
        }

        /** A label on the left, its value on the right, both wrapped. */
        void pair(String label, String value) {
            try {
                List<String> labels = wrap(label, font, 8.5f, 200);
                List<String> values = wrap(value == null ? "—" : value, font, 9, 285);
                int lines = Math.max(labels.size(), values.size());
                room(lines * 11.5f + 2);
                for (int i = 0; i < labels.size(); i++) {
                    text(font, 8.5f, LEFT, y - i * 11.5f, labels.get(i));
                }
                for (int i = 0; i < values.size(); i++) {
                    text(font, 9, LEFT + 210, y - i * 11.5f, values.get(i));
                }
                y -= lines * 11.5f + 2;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(PDType0Font f, float size, float x, float width, String text) {
            try {
                for (String line : wrap(text, f, size, width)) {
                    room(size + 4);
                    text(f, size, x, y, line);
                    y -= size + 4;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void room(float needed) throws IOException {
            if (y - needed < 50) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            pdf.addPage(next);
            page = new PDPageContentStream(pdf, next);
            y = next.getMediaBox().getHeight() - 55;
        }

        private void text(PDType0Font f, float size, float x, float at, String text) throws IOException {
            page.beginText();
            page.setFont(f, size);
            page.newLineAtOffset(x, at);
            page.showText(text);
            page.endText();
        }

        void close() throws IOException {
            page.close();
        }

        /** Paragraphs broken into lines as on the certificate; typed text may carry tabs and carriage returns, which no font draws. */
        static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.replace("\r", "").replace("\t", " ").split("\n")) {
                lines.addAll(CertificatePdf.wrap(paragraph, font, size, width));
            }
            return lines;
        }
    }

    public static Optional<Language> language(String code) {
        for (Language language : Language.values()) {
            if (language.name().equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
