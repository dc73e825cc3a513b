package kz.tirkeu.application;

import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The decision at S19 ({@code tirkeu.registration.*}).
 *
 * @param decisionDelay      a window in which a police officer of the region may take the case over before the
 *                           platform decides by itself; none by default
 * @param decideInBackground off only in tests, which take the decisions themselves
 * @param issuingUnit        the unit named on the registration certificate in kk / ru; {@code %1$s} is the region code
 */
@ConfigurationProperties("tirkeu.registration")
public record RegistrationProperties(
        @DefaultValue("0s") Duration decisionDelay,
        @DefaultValue("true") boolean decideInBackground,
        String issuingUnit) {

    public RegistrationProperties {
        Objects.requireNonNull(issuingUnit, "tirkeu.registration.issuing-unit must be set: it is printed on every certificate");
    }
}
