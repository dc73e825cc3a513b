package kz.tirkeu.regime;

import java.util.Map;

/** The regime's texts for people, in kk/ru/en, with {placeholders} filled per language. */
final class RegimeTexts {

    private RegimeTexts() {}

    static LocalizedText fill(LocalizedText template, Map<String, LocalizedText> values) {
        return new LocalizedText(fill(template.kk(), values, "kk"), fill(template.ru(), values, "ru"), fill(template.en(), values, "en"));
    }

    private static String fill(String template, Map<String, LocalizedText> values, String language) {
        String text = template;
        for (Map.Entry<String, LocalizedText> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue().in(java.util.Locale.forLanguageTag(language)));
        }
        return text;
    }

    static LocalizedText same(String text) {
        return new LocalizedText(text, text, text);
    }

    /** Said after every refusal to start: it is the regime's limit, not a decision about the person. */
    static final LocalizedText NOT_REVIEWABLE = new LocalizedText(
            "Бұл — сіз туралы шешім емес, режим актісімен белгіленген шектеу, сондықтан оны адамның қарауына (Цифрлық кодекстің 39-бабы) жіберуге болмайды. Шағымдар мен сұрақтар: {authority}.",
            "Это не решение о вас, а ограничение, установленное актом о режиме, поэтому его нельзя направить на рассмотрение человеком (ст. 39 Цифрового кодекса). Жалобы и вопросы: {authority}.",
            "This is not a decision about you but a limit set by the regime's act, so it cannot be sent for human review (Digital Code Art. 39). Complaints and questions: {authority}.");

    static final LocalizedText TERM_ENDED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі ({citation}) мерзімінің өтуіне байланысты {date} аяқталды; ол бойынша жаңа өтінімдер қабылданбайды.",
            "Заявку нельзя начать: экспериментальный правовой режим «{name}» ({citation}) завершился {date} по истечении срока; новые заявки по нему не принимаются.",
            "The application cannot be started: the experimental legal regime “{name}” ({citation}) ended on {date} when its term expired; no new applications are accepted under it.");

    static final LocalizedText TERMINATED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі {date} бастап {act} шешімімен тоқтатылды: {reason}.",
            "Заявку нельзя начать: экспериментальный правовой режим «{name}» прекращён с {date} решением {act}: {reason}.",
            "The application cannot be started: the experimental legal regime “{name}” was terminated as of {date} by {act}: {reason}.");

    static final LocalizedText SUSPENDED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі {date} бастап {act} шешімімен тоқтатыла тұрды: {reason}. Қайта басталғанға дейін жаңа өтінімдер қабылданбайды.",
            "Заявку нельзя начать: действие экспериментального правового режима «{name}» приостановлено с {date} решением {act}: {reason}. До возобновления новые заявки не принимаются.",
            "The application cannot be started: the experimental legal regime “{name}” is suspended as of {date} by {act}: {reason}. No new applications are accepted until it resumes.");

    static final LocalizedText NOT_YET_IN_FORCE = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі ({citation}) {date} бастап қолданылады.",
            "Заявку нельзя начать: экспериментальный правовой режим «{name}» ({citation}) действует с {date}.",
            "The application cannot be started: the experimental legal regime “{name}” ({citation}) applies from {date}.");

    static final LocalizedText NOT_ESTABLISHED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі әлі белгіленбеген (ұсыныс қаралуда).",
            "Заявку нельзя начать: экспериментальный правовой режим «{name}» ещё не установлен (предложение на рассмотрении).",
            "The application cannot be started: the experimental legal regime “{name}” is not established yet (the proposal is under review).");

    static final LocalizedText SELLER_EXCLUDED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: БСН {bin} дилері {date} бастап «{name}» эксперименттік құқықтық режимі субъектісі мәртебесінен айырылды ({act}): {reason}.",
            "Заявку нельзя начать: дилер с БИН {bin} утратил статус субъекта экспериментального правового режима «{name}» с {date} ({act}): {reason}.",
            "The application cannot be started: the dealer with BIN {bin} lost the status of a subject of the experimental legal regime “{name}” as of {date} ({act}): {reason}.");

    static final LocalizedText SELLER_NOT_ADMITTED = new LocalizedText(
            "Өтінімді бастау мүмкін емес: БСН {bin} дилері «{name}» эксперименттік құқықтық режимінің ({citation}) субъектісі емес; өтінімдерді тек режимге жіберілген дилерлер бастай алады.",
            "Заявку нельзя начать: дилер с БИН {bin} не является субъектом экспериментального правового режима «{name}» ({citation}); начинать заявки могут только допущенные к режиму дилеры.",
            "The application cannot be started: the dealer with BIN {bin} is not a subject of the experimental legal regime “{name}” ({citation}); only dealers admitted to the regime may start applications.");

    static final LocalizedText CHANNEL_NOT_IN_REGIME = new LocalizedText(
            "Өтінімді бастау мүмкін емес: «{name}» эксперименттік құқықтық режимі бұл арна арқылы ({channel}) өтінім беруді көздемейді.",
            "Заявку нельзя начать: экспериментальный правовой режим «{name}» не предусматривает подачу через этот канал ({channel}).",
            "The application cannot be started: the experimental legal regime “{name}” does not provide for applications through this channel ({channel}).");

    static final LocalizedText NO_REGIME = new LocalizedText(
            "Өтінімді бастау мүмкін емес: платформада қолданыстағы эксперименттік құқықтық режим жоқ.",
            "Заявку нельзя начать: на платформе нет действующего экспериментального правового режима.",
            "The application cannot be started: no experimental legal regime is in force on the platform.");
}
