package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.regime.OutsideRegime;
import kz.tirkeu.regime.RegimeGate;
import kz.tirkeu.regime.RegimeParameters;
import kz.tirkeu.regime.SpecialRules;
import org.springframework.stereotype.Component;

/**
 * The experimental legal regime an application runs under, as its checks read it: the territory (S1) and the
 * vehicles it covers (S3, S12, S19) of the version the application started under, and whether it may still be
 * registered once the regime is suspended or terminated (S19).
 */
@Component
class RegimeOfApplication {

    /** For an application started before regimes were kept: the pilot's own rules, everywhere. */
    private static final RegimeParameters PILOT_RULES = new RegimeParameters(null, null, null, null, SpecialRules.pilot(), null,
            RegimeParameters.REGIONS, null, null, null, null, null, false);

    private final RegimeGate regimes;

    RegimeOfApplication(RegimeGate regimes) {
        this.regimes = regimes;
    }

    RegimeParameters rules(ApplicationRecord record) {
        return record.regime().map(regimes::parameters).orElse(PILOT_RULES);
    }

    java.util.Set<String> eligibleOrigins(ApplicationRecord record) {
        return rules(record).specialRules().eligibleOrigins();
    }

    /** S10: what the buyer is told of the regime before agreeing (Art. 52(3)), from the version the application started under. */
    Optional<kz.tirkeu.regime.LocalizedText> counterpartyText(ApplicationRecord record) {
        return record.regime().map(regimes::summary).map(kz.tirkeu.regime.RegimeSummary::counterpartyText);
    }

    public Optional<kz.tirkeu.regime.RegimeSummary> summary(ApplicationRecord record) {
        return record.regime().map(regimes::summary);
    }

    /** S19: why the regime no longer lets this application be registered, if it does not. */
    Optional<OutsideRegime> stopsRegistration(ApplicationRecord record, Instant at) {
        return record.regime().flatMap(ref -> regimes.stopsInFlight(ref, at));
    }
}
