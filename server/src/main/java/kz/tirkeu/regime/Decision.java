package kz.tirkeu.regime;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision as recorded: its signed content, when it takes effect, who recorded it and whether it carries a
 * signature (those recorded through the platform always do; the acts of the default data are transcribed from
 * their official publication and say so).
 *
 * @param version the version of the parameters in force after it
 * @param signer  the signer read from the certificate, for a signed decision
 */
public record Decision(UUID id, String regimeCode, int seq, DecisionKind kind, int version, Instant effectiveAt, Instant recordedAt,
                       String recordedBy, Optional<String> recordedByIin, DecisionContent content, boolean signed, Optional<String> signer) {}
