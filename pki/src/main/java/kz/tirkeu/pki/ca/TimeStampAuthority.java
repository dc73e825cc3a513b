package kz.tirkeu.pki.ca;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.tsp.TimeStampSource;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.asn1.cmp.PKIFailureInfo;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** An RFC 3161 time-stamping authority of the CA toolkit. */
public final class TimeStampAuthority implements TimeStampSource {

    /**
     * The sandbox TSA's policy: a UUID-based OID (ITU-T X.667, arc 2.25) so no registration is needed.
     */
    public static final ASN1ObjectIdentifier SANDBOX_POLICY = new ASN1ObjectIdentifier("2.25.226530441367924733937129845263108412397");

    private final SigningCredential tsa;
    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis());
    private final TimeStampResponseGenerator generator;

    private final Clock clock;

    public TimeStampAuthority(SigningCredential tsa, Clock clock) {
        this.tsa = tsa;
        this.clock = clock;
        try {
            DigestCalculator essCertIdDigest = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                    .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(BouncyCastle.PROVIDER)
                            .build(KeyAlgorithm.certificateSignatureFor(tsa.privateKey()), tsa.privateKey(), tsa.certificate()),
                    essCertIdDigest, SANDBOX_POLICY);
            // The root stays out: a relying party must bring its own trust anchor, and an unused copy would be unprotected bytes in every document.
            tokens.addCertificates(new JcaCertStore(tsa.chain().stream()
                    .filter(c -> !c.getSubjectX500Principal().equals(c.getIssuerX500Principal())).toList()));
            tokens.setAccuracySeconds(1);
            this.generator = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up the time-stamping authority", e);
        }
    }

    /** Answers a DER-encoded time-stamp query (application/timestamp-query) with a DER-encoded reply. */
    public byte[] respond(byte[] queryDer) {
        try {
            TimeStampRequest request = new TimeStampRequest(queryDer);
            TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
            return response.getEncoded();
        } catch (IOException | RuntimeException e) {
            // badDataFormat, not systemFailure: a client reads the latter as "try again later".
            return rejection(new TSPValidationException("malformed time-stamp query", PKIFailureInfo.badDataFormat));
        } catch (TSPException e) {
            return rejection(e);
        }
    }

    @Override
    public TimeStampToken timeStamp(byte[] sha256Digest) {
        TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
        requests.setCertReq(true);
        TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256Digest, BigInteger.valueOf(serial.get()));
        try {
            TimeStampResponse response = generator.generate(request, BigInteger.valueOf(serial.incrementAndGet()), Date.from(clock.instant()));
            return response.getTimeStampToken();
        } catch (TSPException e) {
            throw new IllegalStateException(e);
        }
    }

    public X509Certificate certificate() {
        return tsa.certificate();
    }

    private byte[] rejection(Exception reason) {
        try {
            return generator.generateRejectedResponse(reason).getEncoded();
        } catch (IOException | TSPException e) {
            throw new IllegalStateException(e);
        }
    }

    SigningCredential credential() {
        return tsa;
    }
}
