package kz.tirkeu.identity.signin;

import java.time.Instant;
import java.util.UUID;

/** What a person signs with their AUTH key to prove they hold it: random, short-lived, single-use. */
public record Challenge(UUID id, byte[] dataToSign, Instant expiresAt) {}
