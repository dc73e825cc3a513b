package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A request for human review of an automated refusal (Digital Code Art. 39) and, once decided, its outcome. */
public record Review(UUID id, String refusalCode, String refusedStep, String phase, String requestedBy, String requestedAs, String comment,
                     Instant requestedAt, Instant deadline, Optional<String> outcome, Optional<String> reason, Optional<String> decidedBy,
                     Optional<Instant> decidedAt, Optional<String> overturnProposedBy) {}
