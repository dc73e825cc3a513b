package kz.tirkeu.registry.certificate;

import kz.tirkeu.pki.InvalidInputException;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.springframework.modulith.NamedInterface;

/**
 * The registration certificate as a printable PDF, in Kazakh or in Russian, one language per file so
 * each reads as a whole document. It is a rendering of the signed content, not the certificate itself:
 * the QR code leads to the public page, which checks the signed original.
 *
 * <p>Kazakh Cyrillic (ә ғ қ ң ө ұ ү һ і) is outside the PDF standard fonts, so DejaVu Sans is embedded
 * (subset) from the jasperreports-fonts jar.
 */
@NamedInterface("certificates")
@Component
public class CertificatePdf {

    static final String FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public enum Language {
        kk, ru;

        public static Language of(String code) {
            for (Language language : values()) {
                if (language.name().equalsIgnoreCase(code)) {
                    return language;
                }
            }
            throw new InvalidInputException("The certificate is printed in Kazakh (lang=kk) or Russian (lang=ru).");
        }
    }

    private static final Map<Language, Map<String, String>> LABELS = Map.of(
            Language.kk, Map.ofEntries(
                    Map.entry("state", "ҚАЗАҚСТАН РЕСПУБЛИКАСЫ"),
                    Map.entry("title", "КӨЛІК ҚҰРАЛЫН ТІРКЕУ ТУРАЛЫ КУӘЛІК"),
                    Map.entry("number", "Сериясы және нөмірі"),
                    Map.entry("plate", "Мемлекеттік тіркеу нөмірі"),
                    Map.entry("make", "Маркасы"),
                    Map.entry("model", "Моделі"),
                    Map.entry("category", "Санаты"),
                    Map.entry("year", "Шығарылған жылы"),
                    Map.entry("vin", "VIN (сәйкестендіру нөмірі)"),
                    Map.entry("body", "Шанақ нөмірі"),
                    Map.entry("chassis", "Шасси (рама) нөмірі"),
                    Map.entry("engine", "Қозғалтқыш нөмірі"),
                    Map.entry("volume", "Қозғалтқыш көлемі, см³"),
                    Map.entry("power", "Қозғалтқыш қуаты, кВт"),
                    Map.entry("colour", "Түсі"),
                    Map.entry("mass", "Жүксіз массасы, кг"),
                    Map.entry("maxMass", "Рұқсат етілген ең жоғары массасы, кг"),
                    Map.entry("owner", "Меншік иесі"),
                    Map.entry("iin", "ЖСН"),
                    Map.entry("address", "Мекенжайы"),
                    Map.entry("marks", "Ерекше белгілер"),
                    Map.entry("issueDate", "Берілген күні"),
                    Map.entry("unit", "Берген бөлімше"),
                    Map.entry("application", "Өтініш нөмірі"),
                    Map.entry("none", "жоқ"),
                    Map.entry("original", "Түпнұсқасы — платформаның электрондық цифрлық қолтаңбасымен қол қойылған электрондық құжат (.p7m)."),
                    Map.entry("verify", "Куәліктің жарамдылығын QR-код немесе мына сілтеме арқылы тексеріңіз:")),
            Language.ru, Map.ofEntries(
                    Map.entry("state", "РЕСПУБЛИКА КАЗАХСТАН"),
                    Map.entry("title", "СВИДЕТЕЛЬСТВО О РЕГИСТРАЦИИ ТРАНСПОРТНОГО СРЕДСТВА"),
                    Map.entry("number", "Серия и номер"),
                    Map.entry("plate", "Государственный регистрационный номер"),
                    Map.entry("make", "Марка"),
                    Map.entry("model", "Модель"),
                    Map.entry("category", "Категория"),
                    Map.entry("year", "Год выпуска"),
                    Map.entry("vin", "VIN (идентификационный номер)"),
                    Map.entry("body", "Номер кузова"),
                    Map.entry("chassis", "Номер шасси (рамы)"),
                    Map.entry("engine", "Номер двигателя"),
                    Map.entry("volume", "Объём двигателя, см³"),
                    Map.entry("power", "Мощность двигателя, кВт"),
                    Map.entry("colour", "Цвет"),
                    Map.entry("mass", "Масса без нагрузки, кг"),
                    Map.entry("maxMass", "Разрешённая максимальная масса, кг"),
                    Map.entry("owner", "Собственник"),
                    Map.entry("iin", "ИИН"),
                    Map.entry("address", "Адрес"),
                    Map.entry("marks", "Особые отметки"),
                    Map.entry("issueDate", "Дата выдачи"),
                    Map.entry("unit", "Подразделение, выдавшее свидетельство"),
                    Map.entry("application", "Номер заявления"),
                    Map.entry("none", "нет"),
                    Map.entry("original", "Подлинник — электронный документ (.p7m), подписанный электронной цифровой подписью платформы."),
                    Map.entry("verify", "Проверьте действительность свидетельства по QR-коду или по ссылке:")));

    public byte[] render(CertificateContent c, Language language) {
        Map<String, String> l = LABELS.get(language);
        try (PDDocument pdf = new PDDocument(); InputStream regular = font(FONT); InputStream bold = font(BOLD_FONT)) {
            PDType0Font font = PDType0Font.load(pdf, regular, true);
            PDType0Font boldFont = PDType0Font.load(pdf, bold, true);
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(l.get("title") + " " + c.certificateNumber());
            info.setCreator("Tirkeu");
            CertificateContent.Vehicle v = c.vehicle();
            List<String[]> rows = List.of(
                    row(l, "number", c.certificateNumber().toString()),
                    row(l, "plate", c.plateNumber()),
                    row(l, "make", v.make()),
                    row(l, "model", v.model()),
                    row(l, "category", v.category()),
                    row(l, "year", String.valueOf(v.year())),
                    row(l, "vin", v.vin()),
                    row(l, "body", v.bodyNumber()),
                    row(l, "chassis", v.chassisNumber()),
                    row(l, "engine", v.engineNumber()),
                    row(l, "volume", v.engineVolumeCc()),
                    row(l, "power", v.enginePowerKw()),
                    row(l, "colour", v.colour()),
                    row(l, "mass", v.massKg()),
                    row(l, "maxMass", v.maxMassKg()),
                    row(l, "owner", c.owner().name()),
                    row(l, "iin", c.owner().iin()),
                    row(l, "address", c.owner().address()),
                    row(l, "marks", c.specialMarks().isEmpty() ? l.get("none") : String.join("; ", c.specialMarks())),
                    row(l, "issueDate", DATE.format(c.issueDate())),
                    row(l, "unit", c.issuingUnit()),
                    row(l, "application", c.applicationNumber()));
            try (PDPageContentStream out = new PDPageContentStream(pdf, page)) {
                float left = 50;
                float top = page.getMediaBox().getHeight() - 60;
                text(out, font, 10, left, top, l.get("state"));
                float y = top - 22;
                for (String line : wrap(l.get("title"), boldFont, 14, 360)) {
                    text(out, boldFont, 14, left, y, line);
                    y -= 18;
                }
                text(out, boldFont, 18, left, y - 8, c.certificateNumber().toString());
                drawQr(out, c.verification().url(), 430, top - 115, 115);

                y = top - 150;
                for (String[] r : rows) {
                    List<String> labelLines = wrap(r[0], font, 9, 200);
                    List<String> valueLines = wrap(r[1], r[0].equals(l.get("plate")) || r[0].equals(l.get("number")) ? boldFont : font, 10, 285);
                    int lines = Math.max(labelLines.size(), valueLines.size());
                    for (int i = 0; i < labelLines.size(); i++) {
                        text(out, font, 9, left, y - i * 12, labelLines.get(i));
                    }
                    for (int i = 0; i < valueLines.size(); i++) {
                        text(out, r[0].equals(l.get("plate")) || r[0].equals(l.get("number")) ? boldFont : font, 10, left + 210, y - i * 12, valueLines.get(i));
                    }
                    y -= lines * 12 + 6;
                    out.setLineWidth(0.3f);
                    out.moveTo(left, y + 3);
                    out.lineTo(545, y + 3);
                    out.stroke();
                    y -= 6;
                }
                y -= 10;
                for (String line : wrap(l.get("original"), font, 8, 495)) {
                    text(out, font, 8, left, y, line);
                    y -= 11;
                }
                for (String line : wrap(l.get("verify"), font, 8, 495)) {
                    text(out, font, 8, left, y, line);
                    y -= 11;
                }
                text(out, font, 8, left, y, c.verification().url());
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            pdf.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the certificate PDF", e);
        }
    }

    private static String[] row(Map<String, String> labels, String key, Object value) {
        return new String[] {labels.get(key), value == null ? "—" : value.toString()};
    }

    private static InputStream font(String resource) {
        InputStream in = CertificatePdf.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("font " + resource + " is missing: is jasperreports-fonts on the class path?");
        }
        return in;
    }

    private static void text(PDPageContentStream out, PDType0Font font, float size, float x, float y, String text) throws IOException {
        out.beginText();
        out.setFont(font, size);
        out.newLineAtOffset(x, y);
        out.showText(text);
        out.endText();
    }

    /** Breaks text into lines no wider than {@code width} points, at spaces (a longer word stays whole). */
    public static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** The QR code as vector squares: sharp at any print size. Error correction M survives a worn print. */
    private static void drawQr(PDPageContentStream out, String url, float x, float y, float size) throws IOException {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the verification URL as a QR code", e);
        }
        float module = size / matrix.getWidth();
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int col = 0; col < matrix.getWidth(); col++) {
                if (matrix.get(col, row)) {
                    out.addRect(x + col * module, y + (matrix.getHeight() - 1 - row) * module, module, module);
                }
            }
        }
        out.fill();
    }
}
