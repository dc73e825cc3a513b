package kz.tirkeu.regime;

import java.util.List;
import java.util.Set;

/**
 * The special rules of a regime, as parameters the process reads (DOMAIN.md §1.1 G1, G2).
 *
 * @param channels        where an application may be started: the eGov portal's cabinets and informatization
 *                        objects (partner systems calling the API)
 * @param plateChoice     how the plate number is chosen; the platform implements only the pilot's rule
 * @param eligibleOrigins the ЭПТС origins a vehicle must have (produced in Kazakhstan, imported by an official dealer)
 * @param fourEyesReview  overturning an automated refusal of an application under the regime takes two police officers
 *                        (the first one's overturn is a proposal), whatever the installation's configuration says
 */
public record SpecialRules(Set<Channel> channels, PlateChoice plateChoice, Set<String> eligibleOrigins, boolean fourEyesReview) {

    public SpecialRules {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        eligibleOrigins = eligibleOrigins == null ? Set.of() : Set.copyOf(eligibleOrigins);
    }

    /** Without four eyes: one officer's review decides, as the pilot's order has it. */
    public SpecialRules(Set<Channel> channels, PlateChoice plateChoice, Set<String> eligibleOrigins) {
        this(channels, plateChoice, eligibleOrigins, false);
    }

    /** The pilot's rules: both channels, automatic plates, vehicles made in Kazakhstan or imported by official dealers. */
    public static SpecialRules pilot() {
        return new SpecialRules(Set.of(Channel.EGOV_PORTAL, Channel.INFORMATIZATION_OBJECT), PlateChoice.AUTOMATIC_NO_HIGH_DEMAND_OR_STORED,
                Set.of("DOMESTIC", "OFFICIAL_DEALER_IMPORT"));
    }

    public void check() {
        if (channels.isEmpty()) {
            throw new InvalidRegime("SPECIAL_RULES_INVALID", "Name at least one channel an application may be started through: "
                    + List.of(Channel.values()) + ".", String.valueOf(List.of(Channel.values()))).situation("channels");
        }
        if (plateChoice != PlateChoice.AUTOMATIC_NO_HIGH_DEMAND_OR_STORED) {
            throw new InvalidRegime("SPECIAL_RULE_UNSUPPORTED", "The platform gives plates only automatically, never high-demand or stored ones "
                    + "(plateChoice AUTOMATIC_NO_HIGH_DEMAND_OR_STORED); another plate rule would need the platform changed first.");
        }
        if (eligibleOrigins.isEmpty()) {
            throw new InvalidRegime("SPECIAL_RULES_INVALID", "Name the vehicle origins (ЭПТС `origin`) the regime covers, e.g. DOMESTIC, OFFICIAL_DEALER_IMPORT.").situation("origins");
        }
    }

    public enum Channel {
        /** The buyer's and the dealer's cabinets of the eGov portal (this platform's pages). */
        EGOV_PORTAL,
        /** Informatization objects: dealer systems, bank apps and other partner systems over the REST API. */
        INFORMATIZATION_OBJECT
    }

    public enum PlateChoice {
        /** G2: the number is assigned automatically; high-demand and stored plates are never given. */
        AUTOMATIC_NO_HIGH_DEMAND_OR_STORED
    }
}
