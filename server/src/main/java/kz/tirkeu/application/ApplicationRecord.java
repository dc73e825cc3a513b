package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.Vin;

/** An application's row: who, what, and where it stands now. Its history is in the {@link ActionLog}. */
public record ApplicationRecord(UUID id, String number, String processVersion, Vin vin, Bin sellerBin, Iin sellerIin, Iin buyerIin,
                                ApplicationStatus status, Optional<Instant> buyerDeadline, Instant createdAt) {}
