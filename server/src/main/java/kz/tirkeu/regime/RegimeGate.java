package kz.tirkeu.regime;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.pki.identity.Bin;
import org.springframework.stereotype.Service;

/**
 * What the registration process asks of the regime register (issue [6] points 3–4): may this dealer start an
 * application now, through this channel, and under which regime; the rules that regime sets for the checks;
 * whether an application already started may still be registered; and what its buyer must be told.
 */
@Service
public class RegimeGate {

    private final RegimeRegister register;
    private final java.time.Clock clock;
    private final boolean sandboxRegimes;
    private final RegimeRefusals refusals;

    RegimeGate(RegimeRegister register, java.time.Clock clock, RegimeProperties properties, RegimeRefusals refusals) {
        this.register = register;
        this.refusals = refusals;
        this.clock = clock;
        this.sandboxRegimes = properties.sandboxRegime();
    }

    /**
     * The regimes an application may run under. The sandbox's test regime counts only while the sandbox regime is on: a
     * database that once ran the sandbox keeps its record (nothing is deleted), but with the sandbox off only acts with
     * legal force admit anyone.
     */
    private List<Regime> counted() {
        return register.all().stream().filter(r -> sandboxRegimes || !r.sandbox()).toList();
    }

    /**
     * S1: the regime this dealer starts an application under, now. A regime with legal force is preferred to the
     * sandbox's. Refused with the regime's own reason ({@link OutsideRegime}) when no regime admits it.
     */
    public RegimeRef admit(Bin seller, SpecialRules.Channel channel, Instant at) {
        LocalDate day = RegimeDates.dayOf(at);
        List<Regime> regimes = counted().stream().sorted(Comparator.comparing(Regime::sandbox)).toList();
        for (Regime regime : regimes) {
            RegimeParameters parameters = regime.parametersAt(at);
            if (regime.statusAt(at) == RegimeStatus.ACTIVE && parameters.admits(seller, day) && parameters.specialRules().channels().contains(channel)) {
                return regime.refAt(at);
            }
        }
        OutsideRegime refusal = whyNot(regimes, seller, channel, at);
        refusals.record(refusal, seller, channel, at);
        throw refusal;
    }

    /** A regime as the process definition names it: the version in force now and its status. */
    public record InForce(String code, int version, LocalizedText name, String legalBasis, Term term, RegimeStatus status, boolean sandbox,
                          String register) {}

    /** Every regime with its status now, those active first (the process definition's "regimes"). */
    public List<InForce> inForce() {
        Instant now = clock.instant();
        return counted().stream()
                .map(r -> new InForce(r.code(), r.versionAt(now), r.parametersAt(now).name(), citation(r.parametersAt(now)), r.parametersAt(now).term(),
                        r.statusAt(now), r.sandbox(), "/api/v1/regimes/" + r.code()))
                .sorted(Comparator.comparing((InForce r) -> r.status() != RegimeStatus.ACTIVE)).toList();
    }

    /** The parameters of the version an application started under. */
    public RegimeParameters parameters(RegimeRef ref) {
        return register.find(ref.code()).map(r -> r.versions().get(ref.version()))
                .orElseThrow(() -> new IllegalStateException("no regime " + ref));
    }

    /** The regime's public name and its act, for a notice or a page. */
    public RegimeSummary summary(RegimeRef ref) {
        Regime regime = register.find(ref.code()).orElseThrow(() -> new IllegalStateException("no regime " + ref));
        RegimeParameters parameters = regime.versions().get(ref.version());
        return new RegimeSummary(ref, parameters.name(), citation(parameters), parameters.term(), parameters.counterpartyNotice(),
                parameters.authorisedBody(), regime.sandbox());
    }

    /**
     * S19: whether an application started under the regime may still be registered. When the regime is no longer
     * active and its rule for applications in flight is {@link InFlightRule#STOP_ALL}, the reason it may not.
     */
    public Optional<OutsideRegime> stopsInFlight(RegimeRef ref, Instant at) {
        Regime regime = register.find(ref.code()).orElseThrow(() -> new IllegalStateException("no regime " + ref));
        RegimeStatus status = regime.statusAt(at);
        if (status == RegimeStatus.ACTIVE || regime.parametersAt(at).inFlight() == InFlightRule.FINISH_STARTED) {
            return Optional.empty();
        }
        return Optional.of(explain(regime, null, SpecialRules.Channel.EGOV_PORTAL, at));
    }

    /** The regimes that have a reason to refuse, the seller's own first, and the reason of the most relevant one. */
    private OutsideRegime whyNot(List<Regime> regimes, Bin seller, SpecialRules.Channel channel, Instant at) {
        Optional<Regime> theirs = regimes.stream().filter(r -> r.parametersAt(at).subject(seller).isPresent()).findFirst();
        if (theirs.isPresent()) {
            return explain(theirs.get(), seller, channel, at);
        }
        Optional<Regime> active = regimes.stream().filter(r -> r.statusAt(at) == RegimeStatus.ACTIVE).findFirst();
        if (active.isPresent()) {
            RegimeParameters parameters = active.get().parametersAt(at);
            return refusal("SELLER_NOT_ADMITTED", active.get(), "SUBJECTS", null, RegimeTexts.SELLER_NOT_ADMITTED,
                    values(parameters, Map.of("bin", RegimeTexts.same(seller.value()))));
        }
        return regimes.stream().max(Comparator.comparing((Regime r) -> !r.sandbox()).thenComparing(r -> r.parametersAt(at).term().end()))
                .map(r -> explain(r, seller, channel, at))
                .orElseGet(() -> new OutsideRegime("NO_REGIME_IN_FORCE", null, "STATUS", null, RegimeTexts.NO_REGIME));
    }

    private OutsideRegime explain(Regime regime, Bin seller, SpecialRules.Channel channel, Instant at) {
        RegimeParameters parameters = regime.parametersAt(at);
        Map<String, LocalizedText> values = values(parameters, Map.of("bin", RegimeTexts.same(seller == null ? "—" : seller.value()),
                "channel", RegimeTexts.same(channel.name())));
        return switch (regime.statusAt(at)) {
            case TERMINATED -> regime.terminationDecision(at)
                    .map(d -> decided("REGIME_TERMINATED", regime, "STATUS", d, RegimeTexts.TERMINATED, values))
                    .orElseGet(() -> refusal("REGIME_TERM_ENDED", regime, "TERM", parameters.term().end(), RegimeTexts.TERM_ENDED,
                            with(values, "date", RegimeTexts.same(RegimeDates.text(parameters.term().end())))));
            case SUSPENDED -> decided("REGIME_SUSPENDED", regime, "STATUS", regime.suspensionAt(at).orElseThrow(), RegimeTexts.SUSPENDED, values);
            case ESTABLISHED -> refusal("REGIME_NOT_YET_IN_FORCE", regime, "TERM", parameters.term().start(), RegimeTexts.NOT_YET_IN_FORCE,
                    with(values, "date", RegimeTexts.same(RegimeDates.text(parameters.term().start()))));
            case PROPOSED -> refusal("REGIME_NOT_ESTABLISHED", regime, "STATUS", null, RegimeTexts.NOT_ESTABLISHED, values);
            case ACTIVE -> {
                Optional<Subject> subject = seller == null ? Optional.empty() : parameters.subject(seller);
                if (subject.isPresent() && subject.get().exclusion().isPresent()) {
                    Subject.Exclusion exclusion = subject.get().exclusion().get();
                    Map<String, LocalizedText> excluded = with(with(with(values, "date", RegimeTexts.same(RegimeDates.text(exclusion.on()))),
                            "reason", exclusion.reason()), "act", act(exclusion.by()));
                    yield refusal("SELLER_EXCLUDED", regime, "SUBJECTS", exclusion.on(), RegimeTexts.SELLER_EXCLUDED, excluded);
                }
                if (subject.isPresent() && parameters.specialRules().channels().contains(channel)) {
                    // Admitted from a later day.
                    yield refusal("SELLER_NOT_ADMITTED", regime, "SUBJECTS", subject.get().admittedOn(), RegimeTexts.SELLER_NOT_ADMITTED, values);
                }
                yield subject.isPresent()
                        ? refusal("CHANNEL_NOT_IN_REGIME", regime, "CHANNEL", null, RegimeTexts.CHANNEL_NOT_IN_REGIME, values)
                        : refusal("SELLER_NOT_ADMITTED", regime, "SUBJECTS", null, RegimeTexts.SELLER_NOT_ADMITTED, values);
            }
        };
    }

    private static OutsideRegime decided(String code, Regime regime, String rule, Decision decision, LocalizedText template, Map<String, LocalizedText> values) {
        LocalDate day = RegimeDates.dayOf(decision.effectiveAt());
        Map<String, LocalizedText> filled = with(with(with(values, "date", RegimeTexts.same(RegimeDates.text(day))),
                "act", act(decision.content().legalBasis())), "reason", Optional.ofNullable(decision.content().reason()).orElse(RegimeTexts.same("—")));
        return refusal(code, regime, rule, day, template, filled);
    }

    private static OutsideRegime refusal(String code, Regime regime, String rule, LocalDate date, LocalizedText template, Map<String, LocalizedText> values) {
        LocalizedText text = RegimeTexts.fill(template, values);
        LocalizedText closing = RegimeTexts.fill(RegimeTexts.NOT_REVIEWABLE, values);
        return new OutsideRegime(code, regime.code(), rule, date,
                new LocalizedText(text.kk() + " " + closing.kk(), text.ru() + " " + closing.ru(), text.en() + " " + closing.en()));
    }

    private static Map<String, LocalizedText> values(RegimeParameters parameters, Map<String, LocalizedText> more) {
        Map<String, LocalizedText> values = new HashMap<>(more);
        values.put("name", parameters.name());
        values.put("citation", RegimeTexts.same(citation(parameters)));
        values.put("authority", parameters.authorisedBody() == null ? RegimeTexts.same("—") : parameters.authorisedBody());
        return values;
    }

    private static Map<String, LocalizedText> with(Map<String, LocalizedText> values, String key, LocalizedText value) {
        Map<String, LocalizedText> more = new HashMap<>(values);
        more.put(key, value);
        return more;
    }

    private static LocalizedText act(LegalAct act) {
        if (act == null) {
            return RegimeTexts.same("—");
        }
        return RegimeTexts.fill(new LocalizedText("{title} {citation}", "{title} {citation}", "{title} {citation}"),
                Map.of("title", act.title() == null ? RegimeTexts.same("") : act.title(), "citation", RegimeTexts.same(act.citation())));
    }

    static String citation(RegimeParameters parameters) {
        return parameters.legalBasis().stream().map(LegalAct::citation).reduce((a, b) -> a + "; " + b).orElse("");
    }
}
