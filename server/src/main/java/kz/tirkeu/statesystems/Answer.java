package kz.tirkeu.statesystems;

import java.time.Duration;
import java.util.Optional;

/**
 * A state system's answer. {@link Unavailable} is not "no data" (ARCHITECTURE.md §3): a step that
 * gets it waits and asks again; only {@link NotFound} (or a definite fact inside {@link Found}) may
 * lead to a refusal.
 */
public sealed interface Answer<T> {

    Evidence evidence();

    record Found<T>(T value, Evidence evidence) implements Answer<T> {}

    record NotFound<T>(Evidence evidence) implements Answer<T> {}

    /** @param retryAfter when the system said when to come back */
    record Unavailable<T>(String why, Optional<Duration> retryAfter, Evidence evidence) implements Answer<T> {}
}
