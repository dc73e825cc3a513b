package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.regime.RegimeRef;
import kz.tirkeu.statesystems.Vin;

/**
 * An application's row: who, what, and where it stands now. Its history is in the {@link ActionLog}.
 *
 * @param regime the experimental legal regime (and the version of its record) it was started under; none for an
 *               application started before the platform kept regimes
 */
public record ApplicationRecord(UUID id, String number, String processVersion, Vin vin, Bin sellerBin, Iin sellerIin, Iin buyerIin,
                                ApplicationStatus status, Optional<Instant> buyerDeadline, Instant createdAt, Optional<RegimeRef> regime) {}
