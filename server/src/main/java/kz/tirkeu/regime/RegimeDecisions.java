package kz.tirkeu.regime;

import kz.tirkeu.platform.CannotServe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.ValidationReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the decisions of a regime's life (issue [6] point 2). An official of the authorised body prepares a
 * decision, signs its canonical JSON with their SIGN key through NCALayer, and sends both back; the platform
 * checks the signature (their own key, valid now, not revoked) and that the decision may be taken in the
 * regime's present state, then records it — with a new version of the parameters where it changes them.
 */
@Service
public class RegimeDecisions {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{2,39}");

    private final RegimeRegister register;
    private final SignedDocuments signatures;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    RegimeDecisions(RegimeRegister register, SignedDocuments signatures, TransactionTemplate transaction, JsonMapper json, Clock clock) {
        this.register = register;
        this.signatures = signatures;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /** What an official asks to decide, before it is signed. */
    public record Draft(DecisionKind kind, LocalDate effectiveOn, LegalAct legalBasis, LocalizedText reason, RegimeParameters parameters,
                        String subjectBin, String subjectName, TerminationGround ground) {}

    /** The decision to sign: its content and the exact bytes (base64 of its canonical JSON). */
    public record ToSign(DecisionContent decision, String dataToSign) {}

    public ToSign prepare(String code, Draft draft, SignedInPerson official) {
        if (draft == null || draft.kind() == null) {
            throw new InvalidRegime("DECISION_KIND_MISSING", "Say which decision this is (kind): " + List.of(DecisionKind.values()) + ".", String.valueOf(List.of(DecisionKind.values())));
        }
        Optional<Regime> regime = register.find(code);
        DecisionContent content = new DecisionContent(DecisionContent.TYPE, code, draft.kind(), regime.map(Regime::latestVersion).orElse(0),
                draft.effectiveOn(), draft.legalBasis(), draft.reason(), draft.parameters(), blankToNull(draft.subjectBin()), blankToNull(draft.subjectName()),
                draft.ground(), new DecisionContent.Official(official.iin().value(), official.name()), clock.instant());
        judge(regime, content, clock.instant());
        return new ToSign(content, Base64.getEncoder().encodeToString(canonical(content)));
    }

    /** Records a signed decision; the same signed decision sent twice is recorded once. */
    public Decision record(DecisionContent content, byte[] cms, SignedInPerson official) {
        if (content == null || !DecisionContent.TYPE.equals(content.type()) || content.decidedBy() == null) {
            throw new InvalidRegime("DECISION_MALFORMED", "Send back the decision exactly as prepared (POST …/decisions/to-sign), with its signature.").situation("altered");
        }
        if (!official.iin().value().equals(content.decidedBy().iin())) {
            throw new InvalidRegime("DECISION_NOT_YOURS", CannotServe.Reason.FORBIDDEN,
                    "This decision was prepared for another official; prepare your own and sign it with your key.");
        }
        byte[] bytes = canonical(content);
        String digest = HexFormat.of().formatHex(Digests.sha256(bytes));
        ValidationReport report = validate(bytes, cms, official);
        return transaction.execute(status -> {
            String code = content.regime();
            if (register.recorded(digest)) {
                return register.find(code).orElseThrow().decisions().stream()
                        .filter(d -> HexFormat.of().formatHex(Digests.sha256(canonical(d.content()))).equals(digest)).findFirst().orElseThrow();
            }
            boolean exists = register.lock(code);
            Optional<Regime> regime = exists ? register.find(code) : Optional.empty();
            int latest = regime.map(Regime::latestVersion).orElse(0);
            if (content.baseVersion() != latest) {
                throw new InvalidRegime("REGIME_CHANGED_MEANWHILE", CannotServe.Reason.CONFLICT, "The regime is at version " + latest
                        + " now, not " + content.baseVersion() + " as when this decision was prepared: prepare it again over the current version.", String.valueOf(latest), String.valueOf(content.baseVersion()));
            }
            Instant now = clock.instant();
            Instant effective = judge(regime, content, now);
            int version = latest;
            if (content.kind().changesParameters()) {
                version = latest + 1;
                if (!exists) {
                    register.create(code, false, now);
                }
                register.addVersion(code, version, next(regime, content), now);
            }
            register.addDecision(code, new RegimeRegister.Recorded(content.kind(), version, effective, now, content.decidedBy().name(),
                    content.decidedBy().iin(), bytes, digest, cms, reportJson(report)));
            return register.find(code).orElseThrow().decisions().getLast();
        });
    }

    /**
     * Records a decision nobody signed in the platform: the acts of the default data, transcribed from their official
     * publication, and the sandbox's own regime. Only the platform's own start-up calls this.
     */
    void recordTranscribed(String code, boolean sandbox, DecisionContent content, Instant effective) {
        transaction.executeWithoutResult(status -> {
            Optional<Regime> regime = register.lock(code) ? register.find(code) : Optional.empty();
            Instant now = clock.instant();
            int version = regime.map(Regime::latestVersion).orElse(0);
            if (content.kind().changesParameters()) {
                version++;
                if (regime.isEmpty()) {
                    register.create(code, sandbox, now);
                }
                register.addVersion(code, version, next(regime, content), now);
            }
            byte[] bytes = canonical(content);
            register.addDecision(code, new RegimeRegister.Recorded(content.kind(), version, effective, now, content.decidedBy().name(), null,
                    bytes, HexFormat.of().formatHex(Digests.sha256(bytes)), null, null));
        });
    }

    /** Whether the decision may be taken now; returns when it takes effect. */
    private Instant judge(Optional<Regime> regime, DecisionContent content, Instant now) {
        if (content.legalBasis() == null || content.legalBasis().issues().isEmpty()) {
            throw new InvalidRegime("LEGAL_BASIS_MISSING", "Every decision names its legal basis: the act, with its number, date and issuing body.").situation("decision");
        }
        Instant effective = content.effectiveOn() == null ? now : RegimeDates.startOf(content.effectiveOn());
        if (content.effectiveOn() != null && content.effectiveOn().isBefore(RegimeDates.dayOf(now))) {
            throw new InvalidRegime("EFFECTIVE_IN_THE_PAST", "A decision takes effect today or later, not on " + RegimeDates.text(content.effectiveOn()) + ".", String.valueOf(RegimeDates.text(content.effectiveOn())));
        }
        if (content.kind() == DecisionKind.PROPOSED) {
            if (regime.isPresent()) {
                throw new InvalidRegime("REGIME_EXISTS", CannotServe.Reason.CONFLICT, "A regime with the code " + content.regime() + " exists; modify it instead.", String.valueOf(content.regime()));
            }
            if (content.regime() == null || !CODE.matcher(content.regime()).matches()) {
                throw new InvalidRegime("REGIME_CODE_INVALID", "A regime's code is 3–40 small Latin letters, digits and hyphens, e.g. egov-primary-registration.");
            }
            checkParameters(content);
            return effective;
        }
        Regime current = regime.orElseThrow(() -> new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + content.regime() + ".", String.valueOf(content.regime())));
        RegimeStatus status = current.statusAt(effective.isAfter(now) ? effective : now);
        boolean terminatedByDecision = status == RegimeStatus.TERMINATED && current.terminationDecision(now).isPresent();
        switch (content.kind()) {
            case ESTABLISHED -> require(status == RegimeStatus.PROPOSED, content, status, "only a proposed regime is established");
            case MODIFIED -> {
                require(!terminatedByDecision, content, status, "a regime terminated by a decision is not modified (a term that expired may be prolonged)");
                checkParameters(content);
                for (Subject before : current.latest().subjects()) {
                    if (content.parameters().subjects().stream().noneMatch(s -> s.bin().equals(before.bin()))) {
                        throw new InvalidRegime("SUBJECT_DROPPED", "A modification keeps every subject with its history; dealer " + before.bin()
                                + " loses its status by a SUBJECT_EXCLUDED decision, not by leaving the list.", String.valueOf(before.bin()));
                    }
                }
            }
            case SUBJECT_ADMITTED -> {
                require(status != RegimeStatus.TERMINATED, content, status, "no one is admitted to a terminated regime");
                Bin bin = bin(content);
                if (current.latest().admits(bin, RegimeDates.dayOf(effective))) {
                    throw new InvalidRegime("SUBJECT_ALREADY_ADMITTED", CannotServe.Reason.CONFLICT, "The dealer " + bin.value() + " is already a subject of this regime.", String.valueOf(bin.value()));
                }
                if (content.subjectName() == null) {
                    throw new InvalidRegime("SUBJECT_NAME_MISSING", "Give the dealer's name as in ГБД ЮЛ (subjectName).");
                }
            }
            case SUBJECT_EXCLUDED -> {
                Bin bin = bin(content);
                if (!current.latest().admits(bin, RegimeDates.dayOf(effective))) {
                    throw new InvalidRegime("NOT_A_SUBJECT", CannotServe.Reason.CONFLICT, "The dealer " + bin.value() + " is not a subject of this regime.", String.valueOf(bin.value()));
                }
                requireReason(content);
            }
            case SUSPENDED -> {
                require(status == RegimeStatus.ACTIVE, content, status, "only an active regime is suspended");
                requireReason(content);
            }
            case RESUMED -> require(status == RegimeStatus.SUSPENDED, content, status, "only a suspended regime is resumed");
            case TERMINATED -> {
                require(status != RegimeStatus.TERMINATED, content, status, "the regime has already ended");
                if (content.ground() == null || content.ground() == TerminationGround.TERM_EXPIRED) {
                    throw new InvalidRegime("TERMINATION_GROUND_MISSING", "Say why it is terminated (ground): AUTHORISED_BODY_DECISION, SUBJECT_REQUEST "
                            + "or RISKS_FOUND. Expiry of the term takes effect by itself and needs no decision.");
                }
                requireReason(content);
            }
            case PROPOSED -> throw new IllegalStateException("handled above");
        }
        return effective;
    }

    private static void checkParameters(DecisionContent content) {
        if (content.parameters() == null) {
            throw new InvalidRegime("PARAMETERS_MISSING", "A proposal or a modification gives the regime's whole record (parameters).");
        }
        if (content.parameters().sandbox()) {
            throw new InvalidRegime("SANDBOX_FLAG_NOT_ALLOWED", "Only the sandbox itself records test regimes without legal force.");
        }
        content.parameters().check();
        content.parameters().term().checkLength();
    }

    /** The parameters after the decision. */
    private static RegimeParameters next(Optional<Regime> regime, DecisionContent content) {
        return switch (content.kind()) {
            case PROPOSED, MODIFIED -> content.parameters();
            case SUBJECT_ADMITTED -> {
                RegimeParameters latest = regime.orElseThrow().latest();
                List<Subject> subjects = new ArrayList<>(latest.subjects().stream().filter(s -> !s.bin().equals(content.subjectBin())).toList());
                subjects.add(new Subject(content.subjectBin(), content.subjectName(), content.legalBasis(), effectiveDay(content), Optional.empty()));
                yield latest.withSubjects(subjects);
            }
            case SUBJECT_EXCLUDED -> {
                RegimeParameters latest = regime.orElseThrow().latest();
                yield latest.withSubjects(latest.subjects().stream()
                        .map(s -> s.bin().equals(content.subjectBin()) ? s.excluded(new Subject.Exclusion(effectiveDay(content), content.reason(), content.legalBasis())) : s)
                        .toList());
            }
            default -> throw new IllegalStateException(content.kind() + " keeps the parameters");
        };
    }

    private static LocalDate effectiveDay(DecisionContent content) {
        return content.effectiveOn() != null ? content.effectiveOn() : RegimeDates.dayOf(content.preparedAt());
    }

    private static Bin bin(DecisionContent content) {
        if (content.subjectBin() == null || !Bin.isValid(content.subjectBin())) {
            throw new InvalidRegime("SUBJECT_BIN_INVALID", "Name the dealer by its valid twelve-digit BIN (subjectBin).").situation("missing");
        }
        return Bin.of(content.subjectBin());
    }

    private static void require(boolean allowed, DecisionContent content, RegimeStatus status, String rule) {
        if (!allowed) {
            throw new InvalidRegime("DECISION_NOT_ALLOWED_NOW", CannotServe.Reason.CONFLICT,
                    content.kind() + " cannot be recorded while the regime is " + status + ": " + rule + ".", String.valueOf(content.kind()), String.valueOf(status), String.valueOf(rule));
        }
    }

    private static void requireReason(DecisionContent content) {
        if (content.reason() == null || content.reason().isBlank()) {
            throw new InvalidRegime("REASON_MISSING", content.kind() + " states its reason (reason.kk / .ru / .en); it is published.", String.valueOf(content.kind()));
        }
    }

    private ValidationReport validate(byte[] bytes, byte[] cms, SignedInPerson official) {
        return signatures.check(bytes, cms, ExpectedSigner.individual(official.iin()), "The decision", "DECISION");
    }

    private String reportJson(ValidationReport report) {
        return signatures.reportJson(report);
    }

    byte[] canonical(DecisionContent content) {
        return CanonicalJson.canonicalize(json.writeValueAsString(content));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
