package kz.tirkeu.pki.tsp;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.testing.TestCa;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.bouncycastle.tsp.TimeStampToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpTimeStampClientTest {

    private static TestCa ca;
    private static HttpTimeStampClient client;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
        client = new HttpTimeStampClient(URI.create(ca.hierarchy().base() + "/tsa"), PkiHttpClient.withDefaultTimeouts());
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @Test
    void getsATokenOverHttpForTheDigestAsked() {
        byte[] digest = Digests.sha256("statement".getBytes(StandardCharsets.UTF_8));
        TimeStampToken token = client.timeStamp(digest);
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
        assertThat(token.getTimeStampInfo().getGenTime().toInstant()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
    }

    @Test
    void aBesSignatureBecomesCadesTWithAStampFromTheHttpTsa() {
        byte[] bes = new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC())
                .sign("{\"a\":1}".getBytes(StandardCharsets.UTF_8), ca.individual(BUYER_IIN, KeyPurpose.SIGN), Packaging.ATTACHED, Optional.empty());
        byte[] cadesT = CadesSigner.addSignatureTimeStamps(bes, client);

        ValidationReport report = ca.validator().validate(ValidationRequest.of(cadesT).requiringTimeStamp());

        assertThat(report.passed()).as(report.toText()).isTrue();
        assertThat(report.signers().getFirst().timeStamp()).isPresent();
    }

    @Test
    void anUnreachableTsaIsReportedAsUnavailable() {
        ca.takeDown("tsa");
        try {
            assertThatThrownBy(() -> client.timeStamp(new byte[32]))
                    .isInstanceOf(TimeStampUnavailableException.class)
                    .hasMessageContaining("503");
        } finally {
            ca.bringBackAll();
        }
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(duration.toSeconds(), java.time.temporal.ChronoUnit.SECONDS);
    }
}
