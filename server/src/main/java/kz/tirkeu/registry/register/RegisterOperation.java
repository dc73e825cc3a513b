package kz.tirkeu.registry.register;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** One entry of a vehicle's history in the register: registered, documents ready, handed over, … */
public record RegisterOperation(int seq, Instant at, String operation, Optional<String> actorIin, Map<String, String> detail) {}
