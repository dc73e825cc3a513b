package kz.tirkeu.regime;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.tirkeu.pki.identity.Bin;

/**
 * One version of a regime's record (issue [6] point 1): what it is, what it rests on, what it may do
 * differently from the general rules, for how long, where, for whom, with which risks, and what its
 * counterparties are told. A modification never changes a version: it makes the next one.
 *
 * @param departsFrom the general rules the regime departs from
 * @param sandbox     test data of the sandbox, without legal force
 */
public record RegimeParameters(LocalizedText name, List<LegalAct> legalBasis, LocalizedText goals, LocalizedText departsFrom,
                               SpecialRules specialRules, Term term, Set<String> territory, List<Subject> subjects,
                               LocalizedText riskAnalysis, CounterpartyNotice counterpartyNotice, LocalizedText authorisedBody,
                               InFlightRule inFlight, boolean sandbox) {

    /** The regions of Kazakhstan as the plates and the state systems code them. */
    public static final Set<String> REGIONS = new TreeSet<>(List.of("01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
            "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"));

    public RegimeParameters {
        legalBasis = legalBasis == null ? List.of() : List.copyOf(legalBasis);
        // Sorted, so that pages and files list the regions in their codes' order.
        territory = territory == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(territory));
        subjects = subjects == null ? List.of() : List.copyOf(subjects);
        inFlight = inFlight == null ? InFlightRule.FINISH_STARTED : inFlight;
    }

    /** Everything a regime must say, said well; the term's length is checked separately (see {@link Term#checkLength()}). */
    public void check() {
        if (name == null || name.isBlank()) {
            throw new InvalidRegime("NAME_MISSING", "A regime needs a name (name.kk, name.ru, name.en).");
        }
        if (legalBasis.isEmpty()) {
            throw new InvalidRegime("LEGAL_BASIS_MISSING", "Name the act or acts the regime rests on (legalBasis).").situation("regime");
        }
        if (goals == null || goals.isBlank()) {
            throw new InvalidRegime("GOALS_MISSING", "Say what the regime is for (goals; dissertation art. 3).");
        }
        if (specialRules == null) {
            throw new InvalidRegime("SPECIAL_RULES_INVALID", "Give the regime's special rules (specialRules).").situation("missing");
        }
        specialRules.check();
        if (term == null) {
            throw new InvalidRegime("TERM_INVALID", "Give the regime's term (term.start, term.end).").situation("missing");
        }
        if (territory.isEmpty() || !REGIONS.containsAll(territory)) {
            throw new InvalidRegime("TERRITORY_INVALID", "The territory is one or more region codes 01–20; given " + territory + ".", String.valueOf(territory));
        }
        if (riskAnalysis == null || riskAnalysis.isBlank()) {
            throw new InvalidRegime("RISK_ANALYSIS_MISSING", "Dissertation art. 6: the initiator's risk analysis is a condition of every regime (riskAnalysis).");
        }
        if (counterpartyNotice == null) {
            throw new InvalidRegime("COUNTERPARTY_NOTICE_MISSING", "Art. 52(3): give the text counterparties are told (counterpartyNotice).").situation("whole");
        }
        counterpartyNotice.check();
        if (subjects.stream().map(Subject::bin).distinct().count() != subjects.size()) {
            throw new InvalidRegime("SUBJECT_TWICE", "A dealer is a subject once; its exclusion is recorded on that entry.");
        }
    }

    public Optional<Subject> subject(Bin bin) {
        return subjects.stream().filter(s -> s.bin().equals(bin.value())).findFirst();
    }

    public RegimeParameters withSubjects(List<Subject> changed) {
        return new RegimeParameters(name, legalBasis, goals, departsFrom, specialRules, term, territory, changed, riskAnalysis,
                counterpartyNotice, authorisedBody, inFlight, sandbox);
    }

    public RegimeParameters withTerm(Term changed) {
        return new RegimeParameters(name, legalBasis, goals, departsFrom, specialRules, changed, territory, subjects, riskAnalysis,
                counterpartyNotice, authorisedBody, inFlight, sandbox);
    }

    public boolean admits(Bin bin, LocalDate day) {
        return subject(bin).map(s -> s.admittedOn(day)).orElse(false);
    }
}
