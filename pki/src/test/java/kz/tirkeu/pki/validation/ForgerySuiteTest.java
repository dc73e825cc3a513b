package kz.tirkeu.pki.validation;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static kz.tirkeu.pki.testing.TestCa.DEALER_BIN;
import static kz.tirkeu.pki.testing.TestCa.OTHER_BIN;
import static kz.tirkeu.pki.testing.TestCa.OTHER_IIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.testing.TestCa;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every way a signature can be wrong, each rejected with its own sub-indication; and the ways it
 * can be right. The CA's OCSP, CRL and TSA are reached over real HTTP.
 */
class ForgerySuiteTest {

    private static final byte[] STATEMENT = "{\"application\":\"A-2026-000042\",\"vin\":\"XW8ZZZ61ZPG000042\"}".getBytes(StandardCharsets.UTF_8);

    private static TestCa ca;
    private static CadesSigner signer;

    @BeforeAll
    static void startCa() {
        ca = TestCa.start();
        signer = new CadesSigner(SignatureAlgorithms.defaults(), ca.clock());
    }

    @AfterAll
    static void stopCa() {
        ca.close();
    }

    @AfterEach
    void restoreCa() {
        ca.bringBackAll();
        ca.tamperOcspWith(bytes -> bytes);
        ca.clock().reset();
    }

    private static ValidationReport validate(ValidationRequest request) {
        return ca.validator().validate(request);
    }

    private static byte[] sign(SigningCredential credential) {
        return signer.sign(STATEMENT, credential, Packaging.ATTACHED, Optional.empty());
    }

    private static byte[] signWithTimeStamp(SigningCredential credential) {
        return signer.sign(STATEMENT, credential, Packaging.ATTACHED, Optional.of(ca.hierarchy().tsa()));
    }

    private static void assertRejected(ValidationReport report, Indication indication, SubIndication sub) {
        assertThat(report.indication()).as(report.toText()).isEqualTo(indication);
        assertThat(report.subIndication()).as(report.toText()).contains(sub);
        assertThat(report.message()).isNotBlank().doesNotContain("Exception");
    }

    @Nested
    class Genuine {
        @Test
        void anIndividualsSignaturePassesWithEveryCheckListed() {
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN)))
                    .expecting(ExpectedSigner.individual(BUYER_IIN)));

            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
            SignerReport signer = report.signers().getFirst();
            assertThat(signer.signer().orElseThrow().iin()).contains(BUYER_IIN);
            assertThat(signer.checks()).extracting(Check::name).contains(
                    "content digest", "signature value", "trust anchor", "key purpose", "signer", "validity", "certificate chain", "revocation");
            assertThat(signer.checks()).filteredOn(c -> c.name().equals("revocation")).first()
                    .extracting(Check::detail).asString().contains("good").contains("OCSP");
            assertThat(signer.chain()).hasSize(3);
        }

        @Test
        void aDealersSignatureWithSigningRightPasses() {
            SigningCredential dealer = ca.employee(OTHER_IIN, DEALER_BIN, KeyPurpose.SIGN, KzRole.SIGNING_RIGHT);
            ValidationReport report = validate(ValidationRequest.of(sign(dealer)).expecting(ExpectedSigner.withSigningRightFor(DEALER_BIN)));
            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
        }

        @Test
        void aDetachedSignaturePassesWithItsContent() {
            byte[] cms = signer.sign(STATEMENT, ca.individual(BUYER_IIN, KeyPurpose.SIGN), Packaging.DETACHED, Optional.empty());
            ValidationReport report = validate(ValidationRequest.of(cms).withDetachedContent(STATEMENT));
            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
        }

        @Test
        void anRsaSignatureWithTimeStampPasses() {
            try (TestCa rsaCa = TestCa.startRsa()) {
                SigningCredential platform = rsaCa.organisation(DEALER_BIN, KeyAlgorithm.RSA_2048);
                byte[] cms = new CadesSigner(SignatureAlgorithms.defaults(), rsaCa.clock())
                        .sign(STATEMENT, platform, Packaging.ATTACHED, Optional.of(rsaCa.hierarchy().tsa()));
                ValidationReport report = rsaCa.validator().validate(ValidationRequest.of(cms).requiringTimeStamp()
                        .expecting(ExpectedSigner.organisation(DEALER_BIN)));
                assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
                assertThat(report.signers().getFirst().timeStamp()).isPresent();
            }
        }

        @Test
        void anAuthKeyPassesWhereAuthenticationIsAsked() {
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.AUTH))).forPurpose(KeyPurpose.AUTH));
            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
        }

        @Test
        void whenOcspIsDownTheCrlAnswers() {
            ca.takeDown("ocsp");
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN))));
            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
            assertThat(report.signers().getFirst().checks()).anyMatch(c -> c.detail().contains("CRL"));
        }

        @Test
        void aCertificateRevokedAfterATimeStampedSignatureStillPasses() {
            SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            ca.clock().shift(Duration.ofMinutes(-10));
            byte[] cms = signWithTimeStamp(buyer);
            ca.clock().reset();
            ca.hierarchy().intermediate().revoke(buyer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofMinutes(5)), 1);

            ValidationReport report = validate(ValidationRequest.of(cms));

            assertThat(report.indication()).as(report.toText()).isEqualTo(Indication.PASSED);
            assertThat(report.signers().getFirst().checks()).anyMatch(c -> c.detail().contains("after the time-stamp"));
        }
    }

    @Nested
    class Forged {
        @Test
        void contentChangedInsideTheSignature() {
            byte[] cms = sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN));
            byte[] tampered = replaceOnce(cms, "000042\"}", "000043\"}");
            assertRejected(validate(ValidationRequest.of(tampered)), Indication.FAILED, SubIndication.HASH_FAILURE);
        }

        @Test
        void detachedContentChanged() {
            byte[] cms = signer.sign(STATEMENT, ca.individual(BUYER_IIN, KeyPurpose.SIGN), Packaging.DETACHED, Optional.empty());
            byte[] other = Arrays.copyOf(STATEMENT, STATEMENT.length);
            other[5] ^= 1;
            assertRejected(validate(ValidationRequest.of(cms).withDetachedContent(other)), Indication.FAILED, SubIndication.HASH_FAILURE);
        }

        @Test
        void signedByAnotherKeyThanTheCertificatesOne() throws Exception {
            SigningCredential victim = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            SigningCredential attacker = ca.individual(OTHER_IIN, KeyPurpose.SIGN);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER).build(attacker.privateKey()), victim.certificate()));
            generator.addCertificates(new JcaCertStore(victim.chain()));
            byte[] cms = generator.generate(new CMSProcessableByteArray(STATEMENT), true).getEncoded();

            assertRejected(validate(ValidationRequest.of(cms).expecting(ExpectedSigner.individual(BUYER_IIN))), Indication.FAILED, SubIndication.SIG_CRYPTO_FAILURE);
        }

        @Test
        void signedAfterTheCertificateExpired() {
            SigningCredential expired = ca.individual(BUYER_IIN, KeyPurpose.SIGN,
                    Instant.now().minus(Duration.ofDays(800)), Instant.now().minus(Duration.ofDays(400)));
            assertRejected(validate(ValidationRequest.of(sign(expired))), Indication.FAILED, SubIndication.EXPIRED);
        }

        @Test
        void certificateExpiredSinceSigningAndNoTimeStampProvesWhen() {
            SigningCredential lapsed = ca.individual(BUYER_IIN, KeyPurpose.SIGN,
                    Instant.now().minus(Duration.ofDays(30)), Instant.now().minus(Duration.ofMinutes(10)));
            ca.clock().shift(Duration.ofMinutes(-20));
            byte[] cms = sign(lapsed);
            ca.clock().reset();
            assertRejected(validate(ValidationRequest.of(cms)), Indication.INDETERMINATE, SubIndication.OUT_OF_BOUNDS_NO_POE);
        }

        @Test
        void certificateNotYetValid() {
            SigningCredential future = ca.individual(BUYER_IIN, KeyPurpose.SIGN,
                    Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(366)));
            assertRejected(validate(ValidationRequest.of(sign(future))), Indication.FAILED, SubIndication.NOT_YET_VALID);
        }

        @Test
        void signedAfterTheCertificateWasRevoked() {
            SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            ca.hierarchy().intermediate().revoke(buyer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofMinutes(10)), 1);
            assertRejected(validate(ValidationRequest.of(signWithTimeStamp(buyer))), Indication.FAILED, SubIndication.REVOKED);
        }

        @Test
        void revokedAfterSigningButNothingProvesTheSignatureCameFirst() {
            SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            ca.clock().shift(Duration.ofMinutes(-10));
            byte[] cms = sign(buyer);
            ca.clock().reset();
            ca.hierarchy().intermediate().revoke(buyer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofMinutes(5)), 1);
            assertRejected(validate(ValidationRequest.of(cms)), Indication.INDETERMINATE, SubIndication.REVOKED_NO_POE);
        }

        @Test
        void chainToAnUntrustedRoot() {
            try (TestCa rogue = TestCa.start()) {
                byte[] cms = sign(rogue.individual(BUYER_IIN, KeyPurpose.SIGN));
                assertRejected(validate(ValidationRequest.of(cms)), Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND);
            }
        }

        @Test
        void authenticationKeyUsedToSignADocument() {
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.AUTH))));
            assertRejected(report, Indication.FAILED, SubIndication.KEY_PURPOSE_FAILURE);
            assertThat(report.message()).contains("authentication key cannot sign documents");
        }

        @Test
        void individualsKeyWhereALegalEntitysIsRequired() {
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN)))
                    .expecting(ExpectedSigner.withSigningRightFor(DEALER_BIN)));
            assertRejected(report, Indication.FAILED, SubIndication.SIGNER_ROLE_FAILURE);
        }

        @Test
        void employeeWithoutSigningRight() {
            SigningCredential clerk = ca.employee(OTHER_IIN, DEALER_BIN, KeyPurpose.SIGN, KzRole.EMPLOYEE);
            assertRejected(validate(ValidationRequest.of(sign(clerk)).expecting(ExpectedSigner.withSigningRightFor(DEALER_BIN))),
                    Indication.FAILED, SubIndication.SIGNER_ROLE_FAILURE);
        }

        @Test
        void notTheExpectedIin() {
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(OTHER_IIN, KeyPurpose.SIGN)))
                    .expecting(ExpectedSigner.individual(BUYER_IIN)));
            assertRejected(report, Indication.FAILED, SubIndication.SIGNER_IDENTITY_FAILURE);
            assertThat(report.message()).contains(BUYER_IIN.value()).contains(OTHER_IIN.value());
        }

        @Test
        void notTheExpectedBin() {
            SigningCredential otherDealer = ca.employee(OTHER_IIN, OTHER_BIN, KeyPurpose.SIGN, KzRole.FIRST_HEAD);
            assertRejected(validate(ValidationRequest.of(sign(otherDealer)).expecting(ExpectedSigner.withSigningRightFor(DEALER_BIN))),
                    Indication.FAILED, SubIndication.SIGNER_IDENTITY_FAILURE);
        }

        @Test
        void ocspResponderAndCrlDownIsIndeterminateNeverPassed() {
            ca.takeDown("ocsp", "crl");
            ValidationReport report = validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN))));
            assertRejected(report, Indication.INDETERMINATE, SubIndication.TRY_LATER);
            assertThat(report.message()).contains("503");
        }

        @Test
        void replayedOcspAnswerIsNotBelieved() {
            SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            byte[] cms = sign(buyer);
            // Capture a genuine "good" answer, then revoke and have the responder's address replay the old answer.
            byte[][] captured = new byte[1][];
            ca.tamperOcspWith(bytes -> captured[0] = bytes);
            assertThat(validate(ValidationRequest.of(cms)).passed()).isTrue();
            ca.hierarchy().intermediate().revoke(buyer.certificate().getSerialNumber(), Instant.now().minus(Duration.ofMinutes(1)), 1);
            ca.tamperOcspWith(bytes -> captured[0]);
            ca.takeDown("crl");

            ValidationReport report = validate(ValidationRequest.of(cms));

            assertRejected(report, Indication.INDETERMINATE, SubIndication.TRY_LATER);
            assertThat(report.message()).contains("nonce");
        }

        @Test
        void timeStampOfAnotherSignature() throws Exception {
            byte[] genuine = signWithTimeStamp(ca.individual(BUYER_IIN, KeyPurpose.SIGN));
            byte[] other = signWithTimeStamp(ca.individual(OTHER_IIN, KeyPurpose.SIGN));
            byte[] transplanted = CmsSurgery.withTimeStampOf(genuine, other);
            assertRejected(validate(ValidationRequest.of(transplanted)), Indication.FAILED, SubIndication.TIMESTAMP_FAILURE);
        }

        @Test
        void missingTimeStampWhereOneIsRequired() {
            assertRejected(validate(ValidationRequest.of(sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN))).requiringTimeStamp()),
                    Indication.INDETERMINATE, SubIndication.NO_POE);
        }

        @Test
        void weakAlgorithmIsNotAccepted() throws Exception {
            SigningCredential buyer = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .build(new JcaContentSignerBuilder("SHA1withECDSA").setProvider(BouncyCastle.PROVIDER).build(buyer.privateKey()), buyer.certificate()));
            generator.addCertificates(new JcaCertStore(buyer.chain()));
            byte[] cms = generator.generate(new CMSProcessableByteArray(STATEMENT), true).getEncoded();
            assertRejected(validate(ValidationRequest.of(cms)), Indication.INDETERMINATE, SubIndication.CRYPTO_CONSTRAINTS_FAILURE);
        }

        @Test
        void detachedSignatureWithoutItsContent() {
            byte[] cms = signer.sign(STATEMENT, ca.individual(BUYER_IIN, KeyPurpose.SIGN), Packaging.DETACHED, Optional.empty());
            assertRejected(validate(ValidationRequest.of(cms)), Indication.INDETERMINATE, SubIndication.SIGNED_DATA_NOT_FOUND);
        }

        @Test
        void randomBytesGiveAClearFormatFailure() {
            byte[] noise = new byte[512];
            new SecureRandom().nextBytes(noise);
            ValidationReport report = validate(ValidationRequest.of(noise));
            assertRejected(report, Indication.FAILED, SubIndication.FORMAT_FAILURE);
            assertThat(report.message()).startsWith("This is not a CMS SignedData");
        }

        @Test
        void malformedCmsGivesAClearFormatFailure() {
            byte[] cms = sign(ca.individual(BUYER_IIN, KeyPurpose.SIGN));
            assertRejected(validate(ValidationRequest.of(Arrays.copyOf(cms, cms.length / 2))), Indication.FAILED, SubIndication.FORMAT_FAILURE);
            assertRejected(validate(ValidationRequest.of(new byte[0])), Indication.FAILED, SubIndication.FORMAT_FAILURE);
            assertRejected(validate(ValidationRequest.of("-----BEGIN PKCS7-----".getBytes(StandardCharsets.US_ASCII))), Indication.FAILED, SubIndication.FORMAT_FAILURE);
        }
    }

    static byte[] replaceOnce(byte[] haystack, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                byte[] copy = haystack.clone();
                System.arraycopy(replacement, 0, copy, i, replacement.length);
                return copy;
            }
        }
        throw new AssertionError("content not found in the CMS");
    }
}
