package kz.tirkeu.pki.ca;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.testing.TestCa;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaToolkitTest {

    private static TestCa ca;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    private static byte[] ocspRequest(BigInteger serial, byte[] nonce) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(ca.hierarchy().intermediate().certificate()), serial);
        return new OCSPReqBuilder().addRequest(id)
                .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(nonce).getEncoded())))
                .build().getEncoded();
    }

    private static BasicOCSPResp ask(BigInteger serial) throws Exception {
        OCSPResp response = new OCSPResp(ca.hierarchy().ocsp().respond(ocspRequest(serial, new byte[] {1, 2, 3, 4})));
        assertThat(response.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) response.getResponseObject();
    }

    @Test
    void ocspAnswersGoodRevokedAndUnknownAndEchoesTheNonce() throws Exception {
        SigningCredential good = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
        SigningCredential revoked = ca.individual(BUYER_IIN, KeyPurpose.SIGN);
        Instant when = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
        ca.hierarchy().intermediate().revoke(revoked.certificate().getSerialNumber(), when, CRLReason.keyCompromise);

        BasicOCSPResp goodAnswer = ask(good.certificate().getSerialNumber());
        assertThat(goodAnswer.getResponses()[0].getCertStatus()).isEqualTo(CertificateStatus.GOOD);
        assertThat(goodAnswer.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getExtnValue().getOctets())
                .isEqualTo(new DEROctetString(new byte[] {1, 2, 3, 4}).getEncoded());

        RevokedStatus status = (RevokedStatus) ask(revoked.certificate().getSerialNumber()).getResponses()[0].getCertStatus();
        assertThat(status.getRevocationTime().toInstant()).isEqualTo(when);
        assertThat(status.getRevocationReason()).isEqualTo(CRLReason.keyCompromise);

        assertThat(ask(BigInteger.valueOf(424242)).getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void ocspAnswersMalformedRequestsWithTheProtocolsOwnStatus() throws Exception {
        assertThat(new OCSPResp(ca.hierarchy().ocsp().respond(new byte[] {0x30, 0x03, 0x02, 0x01})).getStatus())
                .isEqualTo(OCSPResp.MALFORMED_REQUEST);
        assertThat(new OCSPResp(ca.hierarchy().ocsp().respond("hello".getBytes())).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
    }

    @Test
    void theCrlListsRevocationsAndIsSignedByItsCa() throws Exception {
        SigningCredential revoked = ca.individual(BUYER_IIN, KeyPurpose.AUTH);
        ca.hierarchy().intermediate().revoke(revoked.certificate().getSerialNumber(), Instant.now(), CRLReason.superseded);

        X509CRL crl = ca.hierarchy().intermediate().currentCrl();

        crl.verify(ca.hierarchy().intermediate().certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(revoked.certificate().getSerialNumber())).isNotNull();
        assertThat(crl.getNextUpdate()).isAfter(crl.getThisUpdate());
    }

    @Test
    void theTsaGrantsValidQueriesAndRejectsGarbage() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.TEN);
        TimeStampResponse granted = new TimeStampResponse(ca.hierarchy().tsa().respond(request.getEncoded()));
        granted.validate(request);
        assertThat(granted.getTimeStampToken().getTimeStampInfo().getPolicy()).isEqualTo(TimeStampAuthority.SANDBOX_POLICY);

        TimeStampResponse rejected = new TimeStampResponse(ca.hierarchy().tsa().respond("garbage".getBytes()));
        assertThat(rejected.getTimeStampToken()).isNull();
        assertThat(rejected.getStatus()).isEqualTo(2); // rejection
        assertThat(rejected.getFailInfo().intValue()).isEqualTo(org.bouncycastle.asn1.cmp.PKIFailureInfo.badDataFormat);
    }

    @Test
    void aSavedHierarchyLoadsWithTheSameRootAndRevocations(@TempDir Path dir) throws Exception {
        CaHierarchy original = CaHierarchy.create(java.net.URI.create("http://127.0.0.1:1/ca"), KeyAlgorithm.EC_P256, Clock.systemUTC());
        SigningCredential person = original.intermediate().issueCredential(kz.tirkeu.pki.ca.SubjectSpec.individual(BUYER_IIN, "А", "Б", ""),
                KeyPurpose.SIGN, java.util.Set.of(), KeyAlgorithm.EC_P256, Instant.now(), Instant.now().plus(Duration.ofDays(1)));
        original.intermediate().revoke(person.certificate().getSerialNumber(), Instant.now().truncatedTo(ChronoUnit.MILLIS), CRLReason.keyCompromise);
        original.save(dir);

        CaHierarchy loaded = CaHierarchy.load(dir, Clock.systemUTC());

        assertThat(loaded.rootCertificate()).isEqualTo(original.rootCertificate());
        assertThat(loaded.base()).isEqualTo(original.base());
        assertThat(loaded.intermediate().revocationOf(person.certificate().getSerialNumber())).isPresent();
        assertThat(loaded.tsa().certificate()).isEqualTo(original.tsa().certificate());
    }
}
