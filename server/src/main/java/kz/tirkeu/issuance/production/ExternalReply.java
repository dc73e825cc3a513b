package kz.tirkeu.issuance.production;

import java.time.Duration;
import java.util.Optional;

/**
 * What an outside system (print centre, plate maker, digital documents) answered. {@link Unavailable}
 * is not "no": whoever gets it waits and asks again.
 */
public sealed interface ExternalReply<T> {

    record Ok<T>(T value) implements ExternalReply<T> {}

    /** A definite answer that there is no such thing (an unknown job, a used share code). */
    record NotFound<T>(String detail) implements ExternalReply<T> {}

    /** The request itself was refused (400): retrying the same request will not help; a person must look. */
    record Rejected<T>(String detail) implements ExternalReply<T> {}

    record Unavailable<T>(String why, Optional<Duration> retryAfter) implements ExternalReply<T> {}
}
