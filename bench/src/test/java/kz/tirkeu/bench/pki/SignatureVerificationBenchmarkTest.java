package kz.tirkeu.bench.pki;

import static org.assertj.core.api.Assertions.assertThat;

import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Runs the benchmark's setup and each benchmark method once, so that a change in pki which breaks
 * the benchmark (a signature that no longer validates, a cache that no longer holds) fails the
 * build instead of producing a meaningless figure. No timing is asserted.
 */
class SignatureVerificationBenchmarkTest {

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void bothPathsVerifyTheBuyersSignatureAndTheWarmPathMakesNoNetworkCall(KeyAlgorithm keyType) {
        SignatureVerificationBenchmark benchmark = new SignatureVerificationBenchmark();
        benchmark.keyType = keyType;
        benchmark.setUp();
        try {
            ValidationReport report = benchmark.tirkeuValidator();
            assertThat(report.passed()).as(report.toText()).isTrue();
            assertThat(report.signers()).singleElement().satisfies(signer -> {
                assertThat(signer.timeStamp()).as("CAdES-T: the time-stamp was verified").isPresent();
                assertThat(signer.signer()).hasValueSatisfying(cert -> {
                    assertThat(cert.kind()).isEqualTo(SubjectKind.INDIVIDUAL);
                    assertThat(cert.iin()).contains(SignatureVerificationBenchmark.BUYER_IIN);
                });
            });
            assertThat(benchmark.plainBouncyCastle()).isTrue();
            assertThat(benchmark.ocspCallsSinceWarmUp()).as("OCSP calls after warm-up").isZero();
            assertThat(benchmark.crlCallsSinceWarmUp()).as("CRL calls after warm-up").isZero();
        } finally {
            benchmark.tearDown();
        }
    }

    @Test
    void theSignedStatementIsAFewHundredBytesOfCanonicalJson() {
        byte[] statement = SignatureVerificationBenchmark.applicationStatement();
        assertThat(statement.length).isBetween(300, 1000);
        assertThat(CanonicalJson.isCanonical(statement)).isTrue();
    }
}
