package kz.tirkeu.notification;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The texts of sign-in codes waiting to be sent, in this server's memory only: the database never sees a
 * code (its delivery row holds a redacted text). So only this server can retry one, which its deliveries
 * say ({@code held_by}); if it stops, its codes are lost, and their deliveries fail once the send window
 * ends. A person who got no code asks for a new one, as they would anyway once it expired.
 */
final class OneTimeCodeTexts {

    private record Held(String text, Instant until) {}

    private final UUID holder = UUID.randomUUID();
    private final Map<UUID, Held> texts = new ConcurrentHashMap<>();

    /** This server, as written into {@code deliveries.held_by}. */
    UUID holder() {
        return holder;
    }

    void hold(UUID delivery, String text, Instant until, Instant now) {
        texts.values().removeIf(held -> held.until().isBefore(now));
        texts.put(delivery, new Held(text, until));
    }

    Optional<String> text(UUID delivery, Instant now) {
        Held held = texts.get(delivery);
        return held == null || held.until().isBefore(now) ? Optional.empty() : Optional.of(held.text());
    }

    void forget(UUID delivery) {
        texts.remove(delivery);
    }

    int size() {
        return texts.size();
    }
}
