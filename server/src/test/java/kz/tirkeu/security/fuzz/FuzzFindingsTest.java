package kz.tirkeu.security.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import kz.tirkeu.testing.TirkeuClient;
import kz.tirkeu.testing.TirkeuClient.Reply;
import kz.tirkeu.testing.TirkeuServerTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The faults {@link ApiFuzzTest} found, each pinned down by the request that showed it. */
@TirkeuServerTest
class FuzzFindingsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient db;

    @Test
    void aBlankIdentifierInThePathIsMalformedInputNotA500() {
        TirkeuClient client = new TirkeuClient(port);
        Reply reply = client.post("/api/v1/auth/sign-ins/%20/confirmation", "{\"code\":\"950297\"}", null);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(400);
        assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(reply.code()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void aChallengeRefusedForItsAcceptHeaderIsNotStored() {
        TirkeuClient client = new TirkeuClient(port);
        int before = db.sql("select count(*) from sign_in_challenge").query(Integer.class).single();
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/auth/challenges"))
                .header("Accept", "image/png").POST(HttpRequest.BodyPublishers.noBody()), null);
        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.code()).isNotBlank();
        assertThat(db.sql("select count(*) from sign_in_challenge").query(Integer.class).single()).isEqualTo(before);
    }

    @Test
    void anSmsReceiptWithABadSignatureIsAProblemWithACode() {
        TirkeuClient client = new TirkeuClient(port);
        Reply reply = client.send(HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/notifications/sms-receipts"))
                .header("X-Sms-Signature", "sha256=00").POST(HttpRequest.BodyPublishers.ofString("{}")), null);
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("RECEIPT_SIGNATURE_WRONG");
    }
}
