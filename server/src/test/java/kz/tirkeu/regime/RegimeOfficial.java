package kz.tirkeu.regime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The authorised body's official over the API, as a test drives it: prepares a decision, signs its canonical JSON
 * with the staff-regime-official persona's SIGN key (as NCALayer would), and records it.
 */
final class RegimeOfficial {

    static final String PERSONA = "staff-regime-official";

    private final TirkeuClient client;
    private final String token;

    RegimeOfficial(TirkeuClient client) {
        this.client = client;
        this.token = client.signIn(PERSONA);
    }

    static LegalAct act(String number) {
        return new LegalAct(LocalizedText.of("Сынақ бұйрығы", "Тестовый приказ", "Test order"),
                List.of(new LegalAct.Issue(number, LocalDate.now(RegimeDates.ZONE), LocalizedText.of("Уәкілетті орган", "Уполномоченный орган", "Authorised body"))),
                "https://adilet.zan.kz/test/" + number);
    }

    static RegimeParameters parameters(Term term, Set<String> territory, List<String> subjectBins, Set<String> origins, InFlightRule inFlight) {
        List<Subject> subjects = subjectBins.stream().map(bin -> new Subject(bin, "ТОО " + bin, act("ADM-" + bin), term.start(), Optional.empty())).toList();
        LocalizedText text = LocalizedText.of("мәтін", "текст", "text");
        return new RegimeParameters(LocalizedText.of("Сынақ режимі", "Тестовый режим", "Test regime"), List.of(act("1")), text, text,
                new SpecialRules(Set.of(SpecialRules.Channel.EGOV_PORTAL, SpecialRules.Channel.INFORMATIZATION_OBJECT),
                        SpecialRules.PlateChoice.AUTOMATIC_NO_HIGH_DEMAND_OR_STORED, origins),
                term, territory, subjects, LocalizedText.of("тәуекелдер", "риски", "risks"), new CounterpartyNotice(text, text, text),
                LocalizedText.of("Уәкілетті орган", "Уполномоченный орган", "Authorised body"), inFlight, false);
    }

    /** A draft as the API takes it; null fields are left out. */
    static Map<String, Object> draft(DecisionKind kind, Object... more) {
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("kind", kind);
        draft.put("legalBasis", act("D-" + kind));
        for (int i = 0; i + 1 < more.length; i += 2) {
            draft.put((String) more[i], more[i + 1]);
        }
        return draft;
    }

    Reply prepare(String code, Map<String, Object> draft) {
        return client.post("/api/v1/regimes/" + code + "/decisions/to-sign", draft, token);
    }

    /** Prepares, signs with the given key and records; the reply of the recording. */
    Reply decide(String code, Map<String, Object> draft, SigningCredential key) {
        Reply prepared = prepare(code, draft);
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        return record(code, prepared.body().path("decision"), client.signBase64(prepared.body().path("dataToSign").asString(), key));
    }

    Reply decide(String code, Map<String, Object> draft) {
        Reply recorded = decide(code, draft, client.key(PERSONA, "sign"));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded;
    }

    Reply record(String code, JsonNode decision, String signature) {
        return client.post("/api/v1/regimes/" + code + "/decisions", Map.of("decision", decision, "signature", signature), token);
    }

    String token() {
        return token;
    }
}
