package kz.tirkeu.regime;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an official signs when recording a decision: its canonical JSON (RFC 8785) is the exact bytes given to
 * NCALayer, and the same bytes are kept as the decision. It names the regime version it was taken over, so a
 * decision prepared over an older version cannot land after another one.
 *
 * @param baseVersion   the version the decision was prepared over (0 for a proposal of a new regime)
 * @param effectiveOn   the day it takes effect (Asia/Almaty); none: at once
 * @param parameters    PROPOSED, MODIFIED: the whole new version
 * @param subjectBin    SUBJECT_ADMITTED, SUBJECT_EXCLUDED: the dealer
 * @param subjectName   SUBJECT_ADMITTED: its name as in ГБД ЮЛ
 * @param ground        TERMINATED: why
 * @param decidedBy     the official recording it, as in the key they sign with
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionContent(String type, String regime, DecisionKind kind, int baseVersion, LocalDate effectiveOn,
                              LegalAct legalBasis, LocalizedText reason, RegimeParameters parameters, String subjectBin, String subjectName,
                              TerminationGround ground, Official decidedBy, Instant preparedAt) {

    public static final String TYPE = "tirkeu.regime-decision/1";

    public record Official(String iin, String name) {}

    /** Who recorded a decision the platform did not get signed: an act read from its official publication, or the sandbox. */
    public static Official recordedFromPublication(String who) {
        return new Official(null, who);
    }
}
