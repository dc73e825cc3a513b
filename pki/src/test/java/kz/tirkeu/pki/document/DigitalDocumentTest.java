package kz.tirkeu.pki.document;

import static kz.tirkeu.pki.testing.TestCa.DEALER_BIN;
import static kz.tirkeu.pki.testing.TestCa.OTHER_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.testing.TestCa;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.Indication;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.SignerReport;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationPolicy;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DigitalDocumentTest {

    private static final String CERTIFICATE_JSON = """
            {"type":"vehicle-registration-certificate","series":"AA","number":"00012345",
             "vin":"XW8ZZZ61ZPG000042","plate":"123 ABC 02","make":"Chevrolet","model":"Onix",
             "issuedAt":"2026-11-22","price":7890000.5,"owner":{"name":"ТЕСТОВ АЙДАР"}}""";

    private static TestCa ca;
    private static SigningCredential platform;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
        platform = ca.organisation(DEALER_BIN, KeyAlgorithm.EC_P256);
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @AfterEach
    void bringBack() {
        ca.bringBackAll();
    }

    private static DigitalDocumentIssuer issuer() {
        return new DigitalDocumentIssuer(new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC()), ca.hierarchy().tsa(), ca.validator());
    }

    private static DigitalDocumentVerifier offlineVerifier() {
        return new DigitalDocumentVerifier(new SignatureValidator(ValidationPolicy.trusting(ca.root()),
                new RevocationChecker(PkiHttpClient.offline(), Clock.systemUTC(), true), Clock.systemUTC()));
    }

    @Test
    void anIssuedDocumentIsCanonicalJsonAndVerifiesOnlineAndOffline() {
        byte[] document = issuer().issue(CERTIFICATE_JSON, platform, ExpectedSigner.organisation(DEALER_BIN));

        VerifiedDocument online = new DigitalDocumentVerifier(ca.validator()).verify(document, ExpectedSigner.organisation(DEALER_BIN));
        assertThat(online.passed()).as(online.report().toText()).isTrue();
        assertThat(online.content()).get().asString()
                .startsWith("{\"issuedAt\":\"2026-11-22\",\"make\":\"Chevrolet\"")
                .contains("\"price\":7890000.5");

        // Everything needed is inside the file: with the CA unreachable and no network, it still verifies.
        ca.takeDown("ocsp", "crl", "tsa");
        VerifiedDocument offline = offlineVerifier().verify(document, ExpectedSigner.anyone());
        assertThat(offline.passed()).as(offline.report().toText()).isTrue();
        assertThat(offline.report().signers().getFirst().checks()).anyMatch(c -> c.detail().contains("embedded in the document"));
    }

    @Test
    void aOneByteChangeFailsVerification() {
        byte[] document = issuer().issue(CERTIFICATE_JSON, platform, ExpectedSigner.organisation(DEALER_BIN));
        String text = new String(document, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("123 ABC 02");
        byte[] tampered = document.clone();
        tampered[at] = '9';

        VerifiedDocument verified = offlineVerifier().verify(tampered, ExpectedSigner.anyone());

        assertThat(verified.report().indication()).isEqualTo(Indication.FAILED);
        assertThat(verified.report().subIndication()).contains(SubIndication.HASH_FAILURE);
    }

    @Test
    void noChangedByteMakesTheFileSaySomethingElse() {
        byte[] document = issuer().issue("{\"plate\":\"123 ABC 02\"}", platform, ExpectedSigner.organisation(DEALER_BIN));
        DigitalDocumentVerifier verifier = offlineVerifier();
        VerifiedDocument original = verifier.verify(document, ExpectedSigner.anyone());
        int rejected = 0;
        // Every third byte, over the whole file: header, certificates, evidence, signature, time-stamp.
        for (int i = 0; i < document.length; i += 3) {
            byte[] tampered = document.clone();
            tampered[i] ^= 0x01;
            VerifiedDocument verified = verifier.verify(tampered, ExpectedSigner.anyone());
            if (!verified.passed()) {
                rejected++;
                continue;
            }
            // CMS leaves some envelope bytes unprotected (version numbers, the tag of a string type a
            // parser reads the same way); a flip there may pass, but only ever with the same meaning.
            SignerReport before = original.report().signers().getFirst();
            SignerReport after = verified.report().signers().getFirst();
            assertThat(verified.content()).as("byte %d", i).isEqualTo(original.content());
            assertThat(after.signer().orElseThrow().x509()).as("byte %d", i).isEqualTo(before.signer().orElseThrow().x509());
            assertThat(after.timeStamp()).as("byte %d", i).isEqualTo(before.timeStamp());
        }
        assertThat(rejected).as("most flips are rejected outright").isGreaterThan(document.length / 3 * 9 / 10);
    }

    @Test
    void everyByteOfTheSignedContentMatters() {
        String json = "{\"plate\":\"123 ABC 02\",\"vin\":\"XW8ZZZ61ZPG000042\"}";
        byte[] document = issuer().issue(json, platform, ExpectedSigner.organisation(DEALER_BIN));
        int at = new String(document, StandardCharsets.ISO_8859_1).indexOf(json);
        DigitalDocumentVerifier verifier = offlineVerifier();
        for (int i = at; i < at + json.length(); i++) {
            byte[] tampered = document.clone();
            tampered[i] ^= 0x01;
            assertThat(verifier.verify(tampered, ExpectedSigner.anyone()).report().subIndication()).as("content byte %d", i - at)
                    .contains(SubIndication.HASH_FAILURE);
        }
    }

    @Test
    void aReEncodedOrRelabelledFileIsRejected() throws Exception {
        byte[] document = issuer().issue("{\"n\":1}", platform, ExpectedSigner.organisation(DEALER_BIN));
        // The outer content type OID (signedData, bytes 6..14) changed to another PKCS#7 type.
        byte[] relabelled = document.clone();
        relabelled[14] ^= 0x01;
        assertThat(offlineVerifier().verify(relabelled, ExpectedSigner.anyone()).report().subIndication()).contains(SubIndication.FORMAT_FAILURE);
        // The same structure with a length written in more bytes than DER allows (30 82 hh ll -> 30 83 00 hh ll).
        assertThat(document[1]).isEqualTo((byte) 0x82);
        byte[] notDer = new byte[document.length + 1];
        notDer[0] = 0x30;
        notDer[1] = (byte) 0x83;
        notDer[2] = 0x00;
        System.arraycopy(document, 2, notDer, 3, document.length - 2);
        VerifiedDocument reEncoded = offlineVerifier().verify(notDer, ExpectedSigner.anyone());
        assertThat(reEncoded.report().subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(reEncoded.report().message()).contains("DER");
    }

    @Test
    void aSignatureOverNonCanonicalJsonIsNotADigitalDocument() throws Exception {
        byte[] cms = new CadesSigner(SignatureAlgorithms.defaults(), Clock.systemUTC())
                .sign("{ \"b\": 1, \"a\": 2 }".getBytes(StandardCharsets.UTF_8), platform, Packaging.ATTACHED, Optional.of(ca.hierarchy().tsa()));

        VerifiedDocument verified = new DigitalDocumentVerifier(ca.validator()).verify(cms, ExpectedSigner.anyone());

        assertThat(verified.report().indication()).isEqualTo(Indication.FAILED);
        assertThat(verified.report().subIndication()).contains(SubIndication.FORMAT_FAILURE);
        assertThat(verified.report().message()).contains("canonical JSON");
    }

    @Test
    void theIssuerRefusesToIssueWhatWouldNotVerify() {
        assertThatThrownBy(() -> issuer().issue(CERTIFICATE_JSON, platform, ExpectedSigner.organisation(OTHER_BIN)))
                .isInstanceOf(DocumentNotIssuedException.class)
                .hasMessageContaining("SIGNER_IDENTITY_FAILURE");
        ca.takeDown("ocsp", "crl");
        SigningCredential fresh = ca.organisation(DEALER_BIN, KeyAlgorithm.EC_P256);
        assertThatThrownBy(() -> issuer().issue(CERTIFICATE_JSON, fresh, ExpectedSigner.organisation(DEALER_BIN)))
                .isInstanceOf(DocumentNotIssuedException.class)
                .hasMessageContaining("TRY_LATER");
    }

    @Test
    void theDocumentCarriesItsRevocationEvidence() throws Exception {
        byte[] document = issuer().issue(CERTIFICATE_JSON, platform, ExpectedSigner.organisation(DEALER_BIN));
        CMSSignedData signed = new CMSSignedData(document);
        assertThat(signed.getOtherRevocationInfo(org.bouncycastle.asn1.cms.CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null)).isNotEmpty();
        assertThat(signed.getCRLs().getMatches(null)).isNotEmpty();
    }
}
