package kz.tirkeu.identity.signin;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The EDS step passed; the person now confirms with the second factor.
 *
 * @param sentTo the masked phone number the SMS went to, for SMS
 */
public record SecondFactorRequested(UUID signInId, SecondFactor secondFactor, Optional<String> sentTo, Instant expiresAt, String personName) {}
