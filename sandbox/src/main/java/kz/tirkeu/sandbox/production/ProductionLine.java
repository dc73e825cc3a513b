package kz.tirkeu.sandbox.production;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Something produced in stages, each taking its time: a print job of the ИПЦ (QUEUED → PRINTED →
 * DELIVERED_TO_PSC) or a plate order (ACCEPTED → MADE → AT_PSC). An item moves on by itself once its
 * stage has lasted the configured delay, or at once when a tester advances it. Kept in memory: the
 * sandbox forgets on restart, as a real print centre would not, so the platform must not rely on it.
 */
final class ProductionLine {

    /** One item on the line; immutable, replaced on every move. */
    record Item(String id, String reference, String pscCode, Map<String, Object> request, int stage, Instant createdAt, Instant stageSince,
                List<Instant> reachedAt) {}

    private final List<String> stages;
    private final List<Duration> delays;
    private final String idPrefix;
    private final Clock clock;
    private final Map<String, Item> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByReference = new ConcurrentHashMap<>();
    /**
     * The numbers behind ids, blank numbers and serials: one sequence for every line in this JVM (test applications run
     * several sandboxes against one database), starting where no earlier run can have reached — a hundred numbers per second
     * since 2026 — so that a restarted sandbox, which forgets its items, never gives a blank or a serial again (issue [11]:
     * after a restart a second car got KZ10000001 and P00000001 again). Holds while a run makes fewer than a hundred a
     * second on average (a registration takes two: a print job and a plate order), far beyond what a sandbox is asked for.
     */
    private static final AtomicLong SEQUENCE = new AtomicLong(
            (java.time.Instant.now().getEpochSecond() - java.time.Instant.parse("2026-01-01T00:00:00Z").getEpochSecond()) * 100);

    /**
     * @param stages the statuses in order
     * @param delays how long each stage but the last lasts before the item moves on by itself
     */
    ProductionLine(List<String> stages, List<Duration> delays, String idPrefix, Clock clock) {
        if (delays.size() != stages.size() - 1) {
            throw new IllegalArgumentException("one delay per stage but the last");
        }
        this.stages = List.copyOf(stages);
        this.delays = List.copyOf(delays);
        this.idPrefix = idPrefix;
        this.clock = clock;
    }

    /** @param created false when the reference was submitted before and this is that item */
    record Submitted(Item item, boolean created) {}

    /** Puts an item on the line; the same reference again returns the item it already made (a retried submission makes nothing twice). */
    Submitted submit(String reference, String pscCode, Map<String, Object> request) {
        boolean[] created = {false};
        String id = idByReference.computeIfAbsent(reference, r -> {
            String made = idPrefix + String.format("%08d", SEQUENCE.incrementAndGet());
            Instant now = clock.instant();
            byId.put(made, new Item(made, reference, pscCode, Map.copyOf(request), 0, now, now, List.of(now)));
            created[0] = true;
            return made;
        });
        return new Submitted(find(id).orElseThrow(), created[0]);
    }

    /** A number of its own for each item, for blank numbers and serials. */
    static long serialOf(Item item) {
        return Long.parseLong(item.id().replaceAll("\\D", ""));
    }

    /** The item with the stages its time has brought it to. */
    Optional<Item> find(String id) {
        return Optional.ofNullable(byId.computeIfPresent(id, (key, item) -> catchUp(item)));
    }

    /** Every item, brought up to date, newest first: for the testers' page. */
    List<Item> all() {
        return byId.keySet().stream().map(this::find).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(Item::createdAt).thenComparing(Item::id).reversed()).toList();
    }

    boolean last(Item item) {
        return item.stage() == stages.size() - 1;
    }

    /** Moves the item one stage on now; empty when it is already at the last one. */
    Optional<Item> advance(String id) {
        Item item = find(id).orElseThrow();
        if (item.stage() == stages.size() - 1) {
            return Optional.empty();
        }
        return Optional.of(byId.computeIfPresent(id, (key, current) -> current.stage() == item.stage() ? next(current, clock.instant()) : current));
    }

    String status(Item item) {
        return stages.get(item.stage());
    }

    boolean reached(Item item, String stage) {
        return item.stage() >= stages.indexOf(stage);
    }

    Instant reachedAt(Item item, String stage) {
        return item.reachedAt().get(stages.indexOf(stage));
    }

    private Item catchUp(Item item) {
        Item current = item;
        Instant now = clock.instant();
        while (current.stage() < stages.size() - 1) {
            Instant due = current.stageSince().plus(delays.get(current.stage()));
            if (due.isAfter(now)) {
                break;
            }
            current = next(current, due);
        }
        return current;
    }

    private static Item next(Item item, Instant at) {
        List<Instant> reached = new java.util.ArrayList<>(item.reachedAt());
        reached.add(at);
        return new Item(item.id(), item.reference(), item.pscCode(), item.request(), item.stage() + 1, item.createdAt(), at, List.copyOf(reached));
    }
}
