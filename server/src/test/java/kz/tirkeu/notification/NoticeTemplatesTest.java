package kz.tirkeu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The texts of notices: complete in kk, ru and en, and rendered in the reader's language. */
class NoticeTemplatesTest {

    private static final Map<String, String> CONSENT = Map.of("applicationNumber", "TK-1", "sellerName", "Astana Motors LLP",
            "vehicle", "Chevrolet Cobalt 2026", "deadline", "2026-03-11");

    private static Map<Language, Properties> shipped() {
        Map<Language, Properties> files = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            files.put(language, NoticeTemplates.readResource(language)
                    .orElseThrow(() -> new AssertionError("no templates_" + language.tag() + ".properties")));
        }
        return files;
    }

    @Test
    void everyTextExistsInKazakhRussianAndEnglishWithTheSamePlaceholders() {
        Map<Language, Properties> files = shipped();
        Set<String> keys = files.get(Language.EN).stringPropertyNames();

        for (Language language : Language.values()) {
            Properties file = files.get(language);
            assertThat(file.stringPropertyNames()).as("keys of %s", language).isEqualTo(keys);
            for (String key : keys) {
                String text = file.getProperty(key);
                assertThat(text).as("%s in %s", key, language).isNotBlank();
                assertThat(NoticeTemplates.placeholdersIn(text)).as("placeholders of %s in %s", key, language)
                        .isEqualTo(NoticeTemplates.placeholdersIn(files.get(Language.EN).getProperty(key)));
            }
        }
    }

    @Test
    void theNoticesTheApplicationProcessNeedsAreThere() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        assertThat(templates.noticeTemplates()).contains(
                "application.awaiting-buyer-consent",
                "application.refused",
                "application.waiting-on-state-system",
                "application.expired");
        assertThat(templates.isCode("sign-in.code")).isTrue();
        assertThat(templates.placeholders("application.refused")).containsExactlyInAnyOrder("applicationNumber", "step", "reason");
        assertThat(templates.placeholders("application.waiting-on-state-system")).containsExactlyInAnyOrder("applicationNumber", "stateSystem");
        assertThat(templates.placeholders("application.expired")).containsExactlyInAnyOrder("applicationNumber", "deadline");
        assertThat(templates.placeholders("sign-in.code")).containsExactly("code");
    }

    @Test
    void smsTextsAreShort() {
        shipped().forEach((language, file) -> file.stringPropertyNames().stream()
                .filter(key -> key.endsWith(".sms"))
                .forEach(key -> assertThat(file.getProperty(key).length()).as("%s in %s", key, language).isLessThanOrEqualTo(160)));
    }

    @Test
    void aNoticeIsRenderedInTheReadersLanguage() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        assertThat(templates.render("application.awaiting-buyer-consent", NoticeTemplates.Part.INBOX_TITLE, Language.RU, CONSENT))
                .isEqualTo("Заявление TK-1 ожидает вашего согласия");
        assertThat(templates.render("application.awaiting-buyer-consent", NoticeTemplates.Part.INBOX_TITLE, Language.KK, CONSENT))
                .isEqualTo("TK-1 өтініші келісіміңізді күтеді");
        NoticeTemplates.Email email = templates.renderEmail("application.expired", Language.EN,
                Map.of("applicationNumber", "TK-9", "deadline", "2026-03-11"));
        assertThat(email.subject()).isEqualTo("Application TK-9 has expired");
        assertThat(email.body()).contains("by 2026-03-11").contains("You gave this e-mail address yourself");
    }

    @Test
    void codedValuesAreWrittenInTheReadersLanguageAndOthersAsGiven() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        assertThat(templates.render("application.waiting-on-state-system", NoticeTemplates.Part.INBOX_TITLE, Language.EN,
                Map.of("applicationNumber", "TK-1", "stateSystem", "EPTS"))).isEqualTo("Application TK-1 is waiting for a state system");
        assertThat(templates.render("application.waiting-on-state-system", NoticeTemplates.Part.SMS, Language.RU,
                Map.of("applicationNumber", "TK-1", "stateSystem", "ERAP")))
                .contains("Единый реестр административных производств (ЕРАП)");
        assertThat(templates.render("application.refused", NoticeTemplates.Part.SMS, Language.EN,
                Map.of("applicationNumber", "TK-1", "step", "S19", "reason", "The officer found the VIN altered.")))
                .contains("step S19: The officer found the VIN altered.");
    }

    /** Issue [11]: "waiting for EPTS, CUSTOMS" reached Kazakh readers as raw codes. */
    @Test
    void aListOfCodedValuesIsWrittenItemByItem() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        String kazakh = templates.render("application.waiting-on-state-system", NoticeTemplates.Part.INBOX_BODY, Language.KK,
                Map.of("applicationNumber", "TK-1", "stateSystem", "EPTS, ERAP"));

        assertThat(kazakh).doesNotContain("EPTS").doesNotContain("ERAP").contains("көлік құралдарының электрондық паспорттары (ЭПТС), Әкімшілік өндірістердің бірыңғай тізілімі (ӘӨБТ)");
    }

    /** Issue [11]: a deadline reached people as "2026-12-14T05:30:00.123Z". */
    @Test
    void anInstantIsWrittenAsKazakhstansLocalTime() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        String sms = templates.render("application.expired", NoticeTemplates.Part.SMS, Language.RU,
                Map.of("applicationNumber", "TK-1", "deadline", "2026-12-14T05:30:00.123456Z"));

        assertThat(sms).contains("14.12.2026 10:30").doesNotContain("2026-12-14T");
    }

    /** Issue [11]: the Kazakh and Russian notices embedded the English refusal; a text given in every language is used in the reader's. */
    @Test
    void aRefusalGivenInEveryLanguageIsReadInTheReaders() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);
        Map<String, String> parameters = Map.of("applicationNumber", "TK-1", "step", "S14", "reason@kk", "Айыппұлдарды төлеп, қайта жіберіңіз.",
                "reason@ru", "Оплатите штрафы и подайте снова.", "reason@en", "Pay the fines and submit again.");

        assertThat(templates.render("application.refused", NoticeTemplates.Part.SMS, Language.KK, parameters)).contains("Айыппұлдарды төлеп")
                .doesNotContain("Pay the fines");
        assertThat(templates.render("application.refused", NoticeTemplates.Part.SMS, Language.RU, parameters)).contains("Оплатите штрафы");
    }

    @Test
    void aValueCannotSmuggleInAPlaceholderOrAReplacementGroup() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        assertThat(templates.render("application.expired", NoticeTemplates.Part.INBOX_TITLE, Language.EN,
                Map.of("applicationNumber", "{deadline} $1 \\", "deadline", "x")))
                .isEqualTo("Application {deadline} $1 \\ has expired");
    }

    @Test
    void unknownTemplatesAndMissingParametersAreRefused() {
        NoticeTemplates templates = NoticeTemplates.load(Language.KK);

        assertThatThrownBy(() -> templates.requireRenderableNotice("nope", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.requireRenderableNotice("application.expired", Map.of("applicationNumber", "TK-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deadline");
        assertThatThrownBy(() -> templates.requireRenderableNotice("sign-in.code", Map.of("code", "1234")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingTranslationFallsBackToTheDefaultLanguage() {
        Properties kk = new Properties();
        kk.setProperty("x.sms", "kk {a}");
        Properties en = new Properties();
        NoticeTemplates templates = new NoticeTemplates(Map.of(Language.KK, kk, Language.EN, en), Language.KK);

        assertThat(templates.render("x", NoticeTemplates.Part.SMS, Language.EN, Map.of("a", "1"))).isEqualTo("kk 1");
        assertThat(templates.render("x", NoticeTemplates.Part.SMS, Language.RU, Map.of("a", "1"))).isEqualTo("kk 1");
    }

    @Test
    void aNoticeTemplateWithAPartMissingIsRefusedAtStartup() {
        Properties kk = new Properties();
        kk.setProperty("half.inbox.title", "t");
        kk.setProperty("half.sms", "s");

        assertThatThrownBy(() -> new NoticeTemplates(Map.of(Language.KK, kk), Language.KK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("half");
        Properties typo = new Properties();
        typo.setProperty("x.inbox.titel", "t");
        assertThatThrownBy(() -> new NoticeTemplates(Map.of(Language.KK, typo), Language.KK))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("x.inbox.titel");
    }

    @Test
    void everyShippedFileIsReadAsUtf8() {
        assertThat(new TreeSet<>(shipped().get(Language.KK).values().stream().map(Object::toString).toList()).toString())
                .contains("өтініш").doesNotContain("Ã", "Ó");
    }
}
