package kz.tirkeu.pki.tsp;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import kz.tirkeu.pki.net.PkiHttpClient;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Requests RFC 3161 time-stamps from a TSA over HTTP (application/timestamp-query). */
public final class HttpTimeStampClient implements TimeStampSource {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI tsaUri;
    private final PkiHttpClient http;

    public HttpTimeStampClient(URI tsaUri, PkiHttpClient http) {
        this.tsaUri = tsaUri;
        this.http = http;
    }

    @Override
    public TimeStampToken timeStamp(byte[] sha256Digest) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, sha256Digest, new BigInteger(64, RANDOM));
        try {
            byte[] reply = http.post(tsaUri, "application/timestamp-query", request.getEncoded());
            TimeStampResponse response = new TimeStampResponse(reply);
            // Checks the status, that the token answers this request's digest and nonce, and the TSA's certificate usage.
            response.validate(request);
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) {
                throw new TimeStampUnavailableException("the TSA refused: " + response.getStatusString(), null);
            }
            return token;
        } catch (IOException e) {
            throw new TimeStampUnavailableException("the TSA at " + tsaUri + " did not answer: " + e.getMessage(), e);
        } catch (TSPException e) {
            throw new TimeStampUnavailableException("the TSA at " + tsaUri + " gave an invalid answer: " + e.getMessage(), e);
        }
    }
}
