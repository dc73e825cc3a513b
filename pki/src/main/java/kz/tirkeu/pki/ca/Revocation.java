package kz.tirkeu.pki.ca;

import java.math.BigInteger;
import java.time.Instant;

/** A revoked certificate: its serial, since when, and the RFC 5280 reason code (0 unspecified, 1 key compromise…). */
public record Revocation(BigInteger serial, Instant revokedAt, int reason) {}
