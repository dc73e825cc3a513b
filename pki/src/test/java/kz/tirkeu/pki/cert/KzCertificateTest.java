package kz.tirkeu.pki.cert;

import static kz.tirkeu.pki.testing.TestCa.BUYER_IIN;
import static kz.tirkeu.pki.testing.TestCa.DEALER_BIN;
import static kz.tirkeu.pki.testing.TestCa.OTHER_IIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Date;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.testing.TestCa;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KzCertificateTest {

    private static TestCa ca;

    @BeforeAll
    static void start() {
        ca = TestCa.start();
    }

    @AfterAll
    static void stop() {
        ca.close();
    }

    @Test
    void readsAnIndividualsSigningCertificate() {
        KzCertificate cert = KzCertificate.of(ca.individual(BUYER_IIN, KeyPurpose.SIGN).certificate());

        assertThat(cert.iin()).contains(BUYER_IIN);
        assertThat(cert.bin()).isEmpty();
        assertThat(cert.commonName()).isEqualTo("ТЕСТОВ АЙДАР");
        assertThat(cert.surname()).contains("ТЕСТОВ");
        assertThat(cert.patronymic()).contains("СЕРІКҰЛЫ");
        assertThat(cert.roles()).containsExactly(KzRole.INDIVIDUAL);
        assertThat(cert.purpose()).isEqualTo(KeyPurpose.SIGN);
        assertThat(cert.kind()).isEqualTo(SubjectKind.INDIVIDUAL);
    }

    @Test
    void readsALegalEntityEmployeesAuthenticationCertificate() {
        KzCertificate cert = KzCertificate.of(ca.employee(OTHER_IIN, DEALER_BIN, KeyPurpose.AUTH, KzRole.FIRST_HEAD).certificate());

        assertThat(cert.iin()).contains(OTHER_IIN);
        assertThat(cert.bin()).contains(DEALER_BIN);
        assertThat(cert.organisation()).contains("ТОО \"Астана Моторс\"");
        assertThat(cert.roles()).containsExactlyInAnyOrder(KzRole.LEGAL_ENTITY_EMPLOYEE, KzRole.FIRST_HEAD);
        assertThat(cert.purpose()).isEqualTo(KeyPurpose.AUTH);
        assertThat(cert.kind()).isEqualTo(SubjectKind.LEGAL_ENTITY_EMPLOYEE);
    }

    @Test
    void readsAnOrganisationsSealAndTheCaServices() {
        assertThat(KzCertificate.of(ca.organisation(DEALER_BIN, KeyAlgorithm.EC_P256).certificate()).kind()).isEqualTo(SubjectKind.ORGANISATION);
        assertThat(KzCertificate.of(ca.root()).purpose()).isEqualTo(KeyPurpose.CERTIFICATE_AUTHORITY);
        assertThat(KzCertificate.of(ca.hierarchy().tsa().certificate()).purpose()).isEqualTo(KeyPurpose.TIME_STAMPING);
        assertThat(KzCertificate.of(ca.hierarchy().ocsp().responderCertificate()).purpose()).isEqualTo(KeyPurpose.OCSP_SIGNING);
    }

    @Test
    void ignoresAnIinOrBinWhoseCheckDigitFails() throws Exception {
        // Another issuer's certificate might carry a malformed IIN; it must never match an identity check.
        KeyPair keys = KeyAlgorithm.EC_P256.generate();
        X500Name subject = new X500Name("CN=ПОДДЕЛКИН ИВАН, SERIALNUMBER=IIN123456789012, OU=BIN123456789012, C=KZ");
        X509Certificate forged = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                new Date(), new Date(System.currentTimeMillis() + 86_400_000L), subject, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));

        KzCertificate cert = KzCertificate.of(forged);

        assertThat(cert.iin()).isEmpty();
        assertThat(cert.bin()).isEmpty();
        assertThat(cert.kind()).isEqualTo(SubjectKind.OTHER);
    }
}
