package kz.tirkeu.pki.net;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP for the CA's services (OCSP, CRL, TSA). Every call has a timeout: a CA that does not
 * answer must make a validation INDETERMINATE quickly, not hang it.
 */
public final class PkiHttpClient {

    private final HttpClient client;
    private final Duration requestTimeout;

    public PkiHttpClient(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    private PkiHttpClient() {
        this.client = null;
        this.requestTimeout = Duration.ofSeconds(1);
    }

    /** A client that never reaches the network: validation then rests on evidence embedded in the document. */
    public static PkiHttpClient offline() {
        return new PkiHttpClient();
    }

    public static PkiHttpClient withDefaultTimeouts() {
        return new PkiHttpClient(Duration.ofSeconds(3), Duration.ofSeconds(10));
    }

    public byte[] post(URI uri, String contentType, byte[] body) throws IOException {
        return send(HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    public byte[] get(URI uri) throws IOException {
        return send(HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build());
    }

    private byte[] send(HttpRequest request) throws IOException {
        if (client == null) {
            throw new IOException("offline: not calling " + request.uri());
        }
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(request.uri() + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + request.uri(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot call " + request.uri() + ": " + e.getMessage(), e);
        }
    }
}
