package kz.tirkeu.pki.tsp;

import org.bouncycastle.tsp.TimeStampToken;

/** Where RFC 3161 time-stamps come from: a TSA over HTTP, or the CA toolkit's TSA in the same process. */
public interface TimeStampSource {

    /**
     * A time-stamp token over a SHA-256 digest. Throws {@link TimeStampUnavailableException} when
     * the TSA cannot be reached or refuses.
     */
    TimeStampToken timeStamp(byte[] sha256Digest);
}
