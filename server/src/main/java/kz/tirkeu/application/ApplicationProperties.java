package kz.tirkeu.application;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The application's rules ({@code tirkeu.application.*}).
 *
 * @param buyerDeadline      S9→S13: the buyer's time to agree after the dealer signed; then the application expires
 * @param sellerOkedPrefixes S1: a dealer is a legal entity with an OKED starting with one of these (sale of vehicles)
 * @param sellerSigningRoles S9: who may sign for the dealer, by the role in the signing certificate
 * @param plateTypes         S15: the plate types a buyer may choose
 * @param timers             the deadlines' background round (expiry, due decisions)
 */
@ConfigurationProperties("tirkeu.application")
public record ApplicationProperties(
        @DefaultValue("10d") Duration buyerDeadline,
        @DefaultValue({"4511", "4519"}) List<String> sellerOkedPrefixes,
        @DefaultValue({"FIRST_HEAD", "SIGNING_RIGHT"}) List<String> sellerSigningRoles,
        @DefaultValue({"STANDARD_SINGLE_LINE", "REAR_TWO_LINE"}) List<String> plateTypes,
        @DefaultValue Timers timers) {

    public ApplicationProperties {
        sellerOkedPrefixes = sellerOkedPrefixes.stream().map(String::strip).toList();
        sellerSigningRoles = sellerSigningRoles.stream().map(String::strip).toList();
        plateTypes = plateTypes.stream().map(String::strip).toList();
    }

    /**
     * @param enabled  off only in tests, which move the clock and run the round themselves
     * @param interval how often the round runs
     */
    public record Timers(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration interval) {
    }
}
