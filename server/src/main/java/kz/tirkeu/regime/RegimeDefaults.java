package kz.tirkeu.regime;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The regimes of the default data (issue [6] point 7), recorded once at start-up:
 * <ul>
 *   <li>the real pilot, truthfully: proposed by the Interdepartmental Commission (protocol No. 5 of 14 Oct 2024),
 *   established by the joint order No. 754 of 9 Oct 2025 / No. 499 of 7 Oct 2025, in force until 31 Aug 2026 —
 *   so terminated by expiry today, unless a prolongation is recorded;</li>
 *   <li>with the sandbox on, the sandbox's own regime: test data without legal force, active from the day it is
 *   first recorded for five years, with the sandbox's dealers admitted.</li>
 * </ul>
 * Both are transcribed, not signed in the platform; their decisions say so.
 */
@Component
@EnableConfigurationProperties(RegimeProperties.class)
class RegimeDefaults implements ApplicationRunner {

    static final String PILOT = "egov-primary-registration-754-499";
    static final String SANDBOX = "tirkeu-sandbox";
    private static final Set<String> ALL_REGIONS = RegimeParameters.REGIONS;

    private final RegimeRegister register;
    private final RegimeDecisions decisions;
    private final RegimeProperties properties;
    private final TransactionTemplate transaction;
    private final JdbcClient db;
    private final Clock clock;

    RegimeDefaults(RegimeRegister register, RegimeDecisions decisions, RegimeProperties properties, TransactionTemplate transaction,
                   JdbcClient db, Clock clock) {
        this.register = register;
        this.decisions = decisions;
        this.properties = properties;
        this.transaction = transaction;
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> {
            // Several servers may start at once on one database: one records, the others find it recorded.
            db.sql("select pg_advisory_xact_lock(hashtext('tirkeu.regime-defaults'))").query(Object.class).optional();
            if (register.find(PILOT).isEmpty()) {
                recordPilot();
            }
            if (properties.sandboxRegime() && register.find(SANDBOX).isEmpty()) {
                recordSandbox(RegimeDates.dayOf(clock.instant()));
            }
        });
    }

    private void recordPilot() {
        LocalizedText authority = LocalizedText.of("ҚР Ішкі істер министрлігінің Әкімшілік полиция комитеті",
                "Комитет административной полиции Министерства внутренних дел РК", "Committee of Administrative Police, Ministry of Internal Affairs");
        LegalAct order = new LegalAct(LocalizedText.of(
                "ҚР Ішкі істер министрінің және ҚР Премьер-Министрінің орынбасары – Жасанды интеллект және цифрлық даму министрінің бірлескен бұйрығы",
                "Совместный приказ Министра внутренних дел РК и Заместителя Премьер-Министра – Министра искусственного интеллекта и цифрового развития РК",
                "Joint order of the Minister of Internal Affairs and the Deputy Prime Minister – Minister of Artificial Intelligence and Digital Development"),
                List.of(new LegalAct.Issue("754", LocalDate.of(2025, 10, 9), LocalizedText.of("ҚР Ішкі істер министрі", "Министр внутренних дел РК",
                                "Minister of Internal Affairs")),
                        new LegalAct.Issue("499", LocalDate.of(2025, 10, 7), LocalizedText.of(
                                "ҚР Премьер-Министрінің орынбасары – Жасанды интеллект және цифрлық даму министрі",
                                "Заместитель Премьер-Министра – Министр искусственного интеллекта и цифрового развития РК",
                                "Deputy Prime Minister – Minister of Artificial Intelligence and Digital Development"))),
                "https://adilet.zan.kz (Эталонный контрольный банк НПА РК); the Kazakh text: shared/sources/pilot-order-754-499-kk.txt");
        LegalAct protocol = new LegalAct(LocalizedText.of("Мемлекеттік қызметтер көрсету мәселелері жөніндегі ведомствоаралық комиссия отырысының хаттамасы",
                "Протокол заседания Межведомственной комиссии по вопросам оказания государственных услуг",
                "Minutes of the Interdepartmental Commission on public services"),
                List.of(new LegalAct.Issue("5", LocalDate.of(2024, 10, 14), LocalizedText.of("Ведомствоаралық комиссия", "Межведомственная комиссия",
                        "Interdepartmental Commission"))), "cited in the preamble of the joint order No. 754/499");
        RegimeParameters pilot = new RegimeParameters(
                LocalizedText.of("«Электрондық үкімет» порталы және ақпараттандыру объектілері арқылы көлік құралдарын бастапқы мемлекеттік тіркеу бойынша пилоттық жоба (№ 754/499 бұйрық)",
                        "Пилотный проект по первичной государственной регистрации транспортных средств через портал «электронного правительства» и объекты информатизации (приказ № 754/499)",
                        "Pilot project of primary state registration of vehicles through the eGov portal and informatization objects (order No. 754/499)"),
                List.of(order),
                LocalizedText.of("Мемлекеттік қызметтер көрсету процесін тұрақты жетілдіру және оның тиімділігін арттыру («Мемлекеттік қызметтер туралы» Заңның 22-бабы).",
                        "Постоянное совершенствование процесса оказания государственных услуг и повышение его эффективности (статья 22 Закона «О государственных услугах»).",
                        "Continuous improvement of how public services are delivered and of their efficiency (Law on Public Services, Art. 22)."),
                LocalizedText.of("Көлік құралдарын VIN бойынша мемлекеттік тіркеу қағидалары (ІІМ-нің 2014 жылғы 2 желтоқсандағы № 862 бұйрығы): өтінішті тіркеу бөлімшесінде жеке өзі беру.",
                        "Правила государственной регистрации транспортных средств по VIN (приказ МВД № 862 от 2 декабря 2014 года): подача заявления лично в регистрационном подразделении.",
                        "The Rules of state registration of vehicles by VIN (MVD order No. 862 of 2 Dec 2014): the application made in person at a registration unit."),
                SpecialRules.pilot(), new Term(LocalDate.of(2025, 10, 9), LocalDate.of(2026, 8, 31)), ALL_REGIONS, List.of(),
                LocalizedText.of("Бастамашының тәуекелдерді талдауы бұйрықта жарияланбаған.",
                        "Анализ рисков инициатора в приказе не опубликован.",
                        "The order publishes no risk analysis of its initiator."),
                pilotNotice(authority), authority, InFlightRule.FINISH_STARTED, false);
        DecisionContent.Official transcribed = DecisionContent.recordedFromPublication("Tirkeu: transcribed from the official publication at installation");
        Instant proposedOn = RegimeDates.startOf(LocalDate.of(2024, 10, 14));
        decisions.recordTranscribed(PILOT, false, new DecisionContent(DecisionContent.TYPE, PILOT, DecisionKind.PROPOSED, 0, LocalDate.of(2024, 10, 14),
                protocol, null, pilot, null, null, null, transcribed, proposedOn), proposedOn);
        Instant establishedOn = RegimeDates.startOf(LocalDate.of(2025, 10, 9));
        decisions.recordTranscribed(PILOT, false, new DecisionContent(DecisionContent.TYPE, PILOT, DecisionKind.ESTABLISHED, 1, LocalDate.of(2025, 10, 9),
                order, LocalizedText.of(
                        "Бұйрық алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі және 2026 жылғы 31 тамызға дейін қолданылады (5-тармақ). Жариялау күні дереккөзде жоқ: мерзім соңғы қол қойылған күннен, 09.10.2025, есептеледі. Бұйрықта дилерлер аталмаған: ол бойынша субъектілерді жіберу платформада тіркелмеген.",
                        "Приказ вводится в действие со дня первого официального опубликования и действует до 31 августа 2026 года (пункт 5). Дата опубликования в источнике не указана: срок считается с 09.10.2025, даты последней подписи. Приказ не называет дилеров: допуск субъектов по нему на платформе не записан.",
                        "The order enters into force on its first official publication and applies until 31 August 2026 (item 5). The source does not give the publication date: the term is counted from 09.10.2025, the later signature. The order names no dealers: no admission of subjects under it is on record."),
                null, null, null, null, transcribed, establishedOn), establishedOn);
    }

    private static CounterpartyNotice pilotNotice(LocalizedText authority) {
        return new CounterpartyNotice(
                LocalizedText.of("Бұл өтінім эксперименттік құқықтық режим — ІІМ мен ЖИЦДМ-нің № 754/499 бірлескен бұйрығымен белгіленген пилоттық жоба шеңберінде қаралады: автокөлік ХҚКО-ға бармай, порталда тіркеледі; құжаттар мен нөмірлерді таңдаған ХҚКО-дан аласыз.",
                        "Эта заявка рассматривается в рамках экспериментального правового режима — пилотного проекта по совместному приказу МВД и МИИЦР № 754/499: автомобиль регистрируется на портале без визита в ЦОН; документы и номера вы получаете в выбранном ЦОНе.",
                        "This application is handled under an experimental legal regime — the pilot of the joint MVD/MDAI order No. 754/499: the car is registered on the portal without a visit to a PSC; you collect the documents and plates at the PSC you choose."),
                LocalizedText.of("Тәуекелдер: нөмір автоматты түрде беріледі, сұранысы жоғары нөмірді таңдау мүмкін емес; мемлекеттік жүйе жауап бермесе, өтінім күтеді; режим тоқтатылса, басталған өтінімдер оның қағидасы бойынша аяқталады.",
                        "Риски: номер присваивается автоматически, выбрать номер повышенного спроса нельзя; если государственная система не отвечает, заявка ждёт; если режим прекратится, начатые заявки завершаются по его правилу.",
                        "Risks: the plate number is assigned automatically and high-demand numbers cannot be chosen; if a state system does not answer, the application waits; if the regime ends, applications already started finish by its rule."),
                RegimeTexts.fill(LocalizedText.of("Шағымдар: {authority}; автоматты бас тартуды адамның қарауына өтінім бетінен жіберуге болады.",
                        "Жалобы: {authority}; автоматический отказ можно направить на рассмотрение человеком со страницы заявки.",
                        "Complaints: {authority}; an automated refusal can be sent for human review from the application's page."),
                        java.util.Map.of("authority", authority)));
    }

    private void recordSandbox(LocalDate today) {
        LocalizedText authority = LocalizedText.of("Tirkeu құмсалғышы (сынақ деректері)", "Песочница Tirkeu (тестовые данные)", "The Tirkeu sandbox (test data)");
        LegalAct act = new LegalAct(LocalizedText.of("Құмсалғыштың сынақ деректері — құқықтық акт емес", "Тестовые данные песочницы — не правовой акт",
                "Sandbox test data — not a legal act"), List.of(new LegalAct.Issue("SANDBOX-1", today, authority)), "/sandbox");
        List<Subject> subjects = properties.sandboxSubjects().stream().map(line -> {
            String[] parts = line.strip().split("\\s+", 2);
            return new Subject(parts[0], parts.length > 1 ? parts[1] : "", act, today, Optional.empty());
        }).toList();
        LocalizedText testOnly = LocalizedText.of("Сынақ деректері, заңды күші жоқ: әдепкі іске қосуды басынан аяғына дейін көруге арналған.",
                "Тестовые данные без юридической силы: чтобы прогон по умолчанию можно было пройти от начала до конца.",
                "Test data without legal force: so that the default run can be tried end to end.");
        RegimeParameters sandbox = new RegimeParameters(
                LocalizedText.of("Tirkeu құмсалғышының сынақ режимі (заңды күші жоқ)", "Тестовый режим песочницы Tirkeu (без юридической силы)",
                        "Tirkeu sandbox test regime (no legal force)"),
                List.of(act), testOnly, testOnly, SpecialRules.pilot(), new Term(today, today.plusYears(5).minusDays(1)), ALL_REGIONS, subjects,
                LocalizedText.of("Сынақ деректері: нақты тәуекелдер жоқ, нақты көлік тіркелмейді.", "Тестовые данные: реальных рисков нет, реальные автомобили не регистрируются.",
                        "Test data: no real risks, no real car is registered."),
                new CounterpartyNotice(
                        LocalizedText.of("Бұл — құмсалғыштың сынақ өтінімі: ол № 754/499 пилоттық жобасының алгоритмі бойынша жүреді, бірақ заңды күші жоқ.",
                                "Это тестовая заявка песочницы: она проходит по алгоритму пилотного проекта № 754/499, но юридической силы не имеет.",
                                "This is a sandbox test application: it follows the algorithm of the pilot No. 754/499 but has no legal force."),
                        LocalizedText.of("Тәуекел жоқ: ақша, кілттер мен мемлекеттік жүйелер — сынақ.", "Рисков нет: деньги, ключи и государственные системы — тестовые.",
                                "No risk: the money, the keys and the state systems are test ones."),
                        LocalizedText.of("Сұрақтар: Tirkeu әзірлеушілері.", "Вопросы: разработчики Tirkeu.", "Questions: the Tirkeu developers.")),
                authority, InFlightRule.FINISH_STARTED, true);
        DecisionContent.Official sandboxItself = DecisionContent.recordedFromPublication("Tirkeu sandbox (test data, no legal force)");
        Instant now = clock.instant();
        decisions.recordTranscribed(SANDBOX, true, new DecisionContent(DecisionContent.TYPE, SANDBOX, DecisionKind.PROPOSED, 0, today, act, testOnly,
                sandbox, null, null, null, sandboxItself, now), now);
        decisions.recordTranscribed(SANDBOX, true, new DecisionContent(DecisionContent.TYPE, SANDBOX, DecisionKind.ESTABLISHED, 1, today, act, testOnly,
                null, null, null, null, sandboxItself, now), now);
    }
}
