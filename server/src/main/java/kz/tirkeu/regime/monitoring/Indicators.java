package kz.tirkeu.regime.monitoring;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The monitoring indicators of a regime for a period (Digital Code Art. 54; dissertation art. 18), computed from the
 * applications' action logs: for the regime as a whole, per region (the seller's legal address in ГБД ЮЛ) and per
 * dealer (BIN). Events count in the period in which they happened; a duration counts in the period of its end.
 *
 * @param regime the regime's code
 */
@NamedInterface("monitoring")
public record Indicators(String regime, Period period, Tally total, List<Tally> byRegion, List<Tally> byDealer) {

    public Indicators {
        byRegion = List.copyOf(byRegion);
        byDealer = List.copyOf(byDealer);
    }

    /**
     * One group's figures.
     *
     * @param key                 region code, dealer BIN, or "all"
     * @param started             applications started (S1)
     * @param registered          registrations (S19, by the platform or an officer)
     * @param handedOver          certificates and plates handed over (P10)
     * @param refused             final refusals (automated and by officers), by step and code
     * @param declined            buyers who declined (S10)
     * @param expired             applications whose buyer let the deadline pass
     * @param toRegistered        S1 → REGISTERED
     * @param toHandover          REGISTERED → HANDED_OVER
     * @param reviewsAsked        reviews of a refusal asked for (Art. 39)
     * @param reviewsOverturned   refusals overturned on review
     * @param outageWaits         times an application began to wait because a state system did not answer
     * @param outageWaitTime      how long those waits lasted (to now for a wait not over yet)
     * @param noticesSent         notices about the applications sent in the period (single notification point)
     * @param noticesDelivered    of those, delivered over at least one channel
     * @param noticesRead         of those, read in the cabinet
     */
    public record Tally(String key, long started, long registered, long handedOver, List<Refusals> refused, long declined, long expired,
                        Spread toRegistered, Spread toHandover, long reviewsAsked, long reviewsOverturned, long outageWaits,
                        Duration outageWaitTime, long noticesSent, long noticesDelivered, long noticesRead) {

        public Tally {
            refused = List.copyOf(refused);
        }

        /** A group with nothing counted yet. */
        public static Tally empty(String key) {
            return new Tally(key, 0, 0, 0, List.of(), 0, 0, Spread.NONE, Spread.NONE, 0, 0, 0, Duration.ZERO, 0, 0, 0);
        }

        /** The same figures with more refusals (those of S1 the regime itself refused, which no action log holds). */
        public Tally withRefusals(List<Refusals> more) {
            List<Refusals> all = new java.util.ArrayList<>(refused);
            all.addAll(more);
            return new Tally(key, started, registered, handedOver, all, declined, expired, toRegistered, toHandover, reviewsAsked,
                    reviewsOverturned, outageWaits, outageWaitTime, noticesSent, noticesDelivered, noticesRead);
        }

        public long refusedTotal() {
            return refused.stream().mapToLong(Refusals::count).sum();
        }
    }

    /** Refusals at one step for one reason. */
    public record Refusals(String step, String code, long count) {}

    /** How long something took: the median and the 90th percentile over {@code count} cases, empty when there were none. */
    public record Spread(long count, Optional<Duration> median, Optional<Duration> p90) {

        public static final Spread NONE = new Spread(0, Optional.empty(), Optional.empty());
    }
}
