package kz.tirkeu.sandbox.documents;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * eGov «Цифровые документы»: a person opens the app and shares an identity document with a one-time
 * six-digit code, which the person shows to whoever checks it (here: the PSC employee, P8–P9). A code
 * lives five minutes and is read once; then the person makes a new one.
 */
public final class DigitalDocuments {

    public static final Duration VALIDITY = Duration.ofMinutes(5);

    /** A code given out, and to whom. */
    public record Share(String code, String iin, Instant expiresAt) {}

    private final Map<String, Share> shares = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    public DigitalDocuments(Clock clock) {
        this.clock = clock;
    }

    /** A fresh code for this person's identity document; never one that is in use. */
    public Share share(String iin) {
        Instant now = clock.instant();
        shares.values().removeIf(share -> !share.expiresAt().isAfter(now));
        while (true) {
            String code = String.format("%06d", random.nextInt(1_000_000));
            Share share = new Share(code, iin, now.plus(VALIDITY));
            if (shares.putIfAbsent(code, share) == null) {
                return share;
            }
        }
    }

    /** The share behind the code, used up by reading it; empty when unknown, used or expired. */
    public Optional<Share> redeem(String code) {
        Share share = shares.remove(code);
        return Optional.ofNullable(share).filter(s -> s.expiresAt().isAfter(clock.instant()));
    }
}
