package kz.tirkeu.observability;

import kz.tirkeu.pki.InvalidInputException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties together everything done for one request: log lines here, and (later) the calls
 * to state systems made on its behalf. A partner channel may send its own so that both sides' logs
 * can be matched.
 */
public record CorrelationId(String value) {

    public static final String HEADER = "X-Correlation-Id";
    /** Key in the logging MDC; application.yml prints it in every log line. */
    public static final String MDC_KEY = "correlationId";

    // The value is written into logs and echoed in a response header, so a caller must not be able to
    // smuggle line breaks, separators or megabytes through it.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    public CorrelationId {
        if (value == null || !ACCEPTED.matcher(value).matches()) {
            throw new InvalidInputException("Not an acceptable correlation id: " + value);
        }
    }

    /** The caller's id if it is acceptable, otherwise a new one. */
    public static CorrelationId fromHeaderOrNew(String header) {
        return header != null && ACCEPTED.matcher(header).matches() ? new CorrelationId(header) : generate();
    }

    public static CorrelationId generate() {
        return new CorrelationId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
