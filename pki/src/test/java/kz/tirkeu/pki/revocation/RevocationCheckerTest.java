package kz.tirkeu.pki.revocation;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.testing.TestCa;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RevocationCheckerTest {

    private static TestCa ca;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    private static RevocationCheck check(RevocationChecker checker, SigningCredential person) {
        return checker.check(person.certificate(), ca.hierarchy().intermediate().certificate(), EmbeddedRevocationData.NONE, Optional.empty());
    }

    @Test
    void aWarmCacheAsksTheResponderOnlyOnceWithinTheAnswersValidity() {
        RevocationChecker checker = ca.revocationChecker(Clock.systemUTC());
        SigningCredential person = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
        int before = ca.hits("ocsp");

        for (int i = 0; i < 5; i++) {
            assertThat(check(checker, person).status()).isInstanceOf(RevocationStatus.Good.class);
        }

        assertThat(ca.hits("ocsp") - before).isEqualTo(1);
    }

    @Test
    void aFreshCheckerSeesARevocationAtOnce() {
        SigningCredential person = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
        assertThat(check(ca.revocationChecker(Clock.systemUTC()), person).status()).isInstanceOf(RevocationStatus.Good.class);

        ca.hierarchy().intermediate().revoke(person.certificate().getSerialNumber(), Instant.now(), 1);

        assertThat(check(ca.revocationChecker(Clock.systemUTC()), person).status()).isInstanceOf(RevocationStatus.Revoked.class);
    }

    @Test
    void offlineWithoutEmbeddedEvidenceIsUnknownNeverGood() {
        RevocationChecker offline = new RevocationChecker(PkiHttpClient.offline(), Clock.systemUTC(), true);
        RevocationCheck result = check(offline, ca.individual(BUYER_IIN, KeyPurpose.SIGN));
        assertThat(result.status()).isInstanceOf(RevocationStatus.Unknown.class);
        assertThat(((RevocationStatus.Unknown) result.status()).why()).contains("offline");
    }

    @Test
    void embeddedGoodEvidenceOlderThanTheProofOfExistenceIsNotEnough() {
        SigningCredential person = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
        RevocationCheck online = check(ca.revocationChecker(Clock.systemUTC()), person);
        EmbeddedRevocationData embedded = new EmbeddedRevocationData(java.util.List.of(online.evidence().orElseThrow().der()), java.util.List.of());
        RevocationChecker offline = new RevocationChecker(PkiHttpClient.offline(), Clock.systemUTC(), true);

        RevocationCheck provenLater = offline.check(person.certificate(), ca.hierarchy().intermediate().certificate(), embedded,
                Optional.of(Instant.now().plusSeconds(3600)));
        RevocationCheck provenEarlier = offline.check(person.certificate(), ca.hierarchy().intermediate().certificate(), embedded,
                Optional.of(Instant.now().minusSeconds(3600)));

        assertThat(provenLater.status()).isInstanceOf(RevocationStatus.Unknown.class);
        assertThat(provenEarlier.status()).isInstanceOf(RevocationStatus.Good.class);
    }
}
