package kz.tirkeu.pki.tsp;

/** The time-stamping authority did not answer, or refused; the caller may try again later. */
public class TimeStampUnavailableException extends RuntimeException {
    public TimeStampUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
