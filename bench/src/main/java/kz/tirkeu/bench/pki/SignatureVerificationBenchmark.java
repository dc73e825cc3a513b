package kz.tirkeu.bench.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kz.tirkeu.pki.ca.KeyAlgorithm;
import kz.tirkeu.pki.ca.SubjectSpec;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cms.CadesSigner;
import kz.tirkeu.pki.cms.Packaging;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SigningCredential;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How many CAdES-T signatures per second the platform's one verification call can accept once the
 * revocation cache is warm, against plain BouncyCastle checking only the signature value of the
 * same CMS. The gap between the two is the price of everything a signature must also prove before
 * the platform acts on it: the time-stamp and its TSA's chain, the signer's chain to the trusted
 * root, validity, revocation (answered from the cache here), key purpose and the signer's IIN.
 *
 * <p>The CA is served over real HTTP on 127.0.0.1, because the certificates name its OCSP and CRL
 * addresses; setup warms the cache with one validation, and tear-down reports how many OCSP and CRL
 * requests the measured runs made (zero, when the figure really is the warm-cache figure).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// The validator runs far more code than plain BouncyCastle (PKIX, TSP, certificate parsing): on a
// busy 2-core machine it needs about 25 s before the JIT settles, so shorter warm-ups under-report it.
@Fork(2)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
public class SignatureVerificationBenchmark {

    /** The buyer who signs the application at step S18. */
    static final Iin BUYER_IIN = Iin.generate(LocalDate.of(1990, 3, 14), true, 1234);

    /** The dealer who sells the vehicle. */
    static final Bin DEALER_BIN = Bin.generate(2015, 6, 12345);

    /**
     * Longer than any sensible run, so that no OCSP answer expires mid-measurement (the sandbox
     * responder's default is 5 minutes, after which one refresh per 5 minutes would be measured too).
     */
    private static final Duration OCSP_ANSWER_VALIDITY = Duration.ofHours(2);

    /** The key type of the whole hierarchy and of the signer: RSA 2048 is what the НУЦ РК usually issues. */
    @Param({"RSA_2048", "EC_P256"})
    public KeyAlgorithm keyType;

    private LoopbackCa ca;
    private SignatureValidator validator;
    private ValidationRequest request;
    private byte[] cms;
    private int ocspCallsAfterWarmUp;
    private int crlCallsAfterWarmUp;

    @Setup(Level.Trial)
    public void setUp() {
        Clock clock = Clock.systemUTC();
        ca = LoopbackCa.start(keyType, clock);
        ca.hierarchy().ocsp().setAnswerValidity(OCSP_ANSWER_VALIDITY);
        Instant now = clock.instant();
        SigningCredential buyer = ca.hierarchy().intermediate().issueCredential(
                SubjectSpec.individual(BUYER_IIN, "ТЕСТОВ", "АЙДАР", "СЕРІКҰЛЫ"), KeyPurpose.SIGN, Set.of(KzRole.INDIVIDUAL),
                keyType, now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(365)));
        cms = CadesSigner.withDefaultAlgorithms().sign(applicationStatement(), buyer, Packaging.ATTACHED, Optional.of(ca.hierarchy().tsa()));
        request = ValidationRequest.of(cms).expecting(ExpectedSigner.individual(BUYER_IIN)).requiringTimeStamp();
        validator = new SignatureValidator(ValidationPolicy.trusting(ca.hierarchy().rootCertificate()),
                new RevocationChecker(new PkiHttpClient(Duration.ofSeconds(2), Duration.ofSeconds(3)), clock, true), clock);

        ValidationReport warmUp = validator.validate(request);
        if (!warmUp.passed()) {
            throw new IllegalStateException("The benchmark's signature does not validate, so there is nothing to measure:\n" + warmUp.toText());
        }
        if (ca.calls(LoopbackCa.OCSP) == 0) {
            throw new IllegalStateException("Warming up made no OCSP call, so the benchmark would not measure an OCSP-checked signature:\n"
                    + warmUp.toText());
        }
        if (!plainBouncyCastle()) {
            throw new IllegalStateException("Plain BouncyCastle does not verify the benchmark's signature.");
        }
        ocspCallsAfterWarmUp = ca.calls(LoopbackCa.OCSP);
        crlCallsAfterWarmUp = ca.calls(LoopbackCa.CRL);
        System.out.printf("%n[tirkeu-bench] %s: CAdES-T of %d bytes (content %d bytes); warm-up validation PASSED with %d OCSP and %d CRL request(s).%n",
                keyType, cms.length, applicationStatement().length, ocspCallsAfterWarmUp, crlCallsAfterWarmUp);
    }

    /** The full platform check of the buyer's signature: what the server runs on every signed step. */
    @Benchmark
    public ValidationReport tirkeuValidator() {
        return validator.validate(request);
    }

    /** The signature value of the same CMS with BouncyCastle's own verifier, and nothing else. */
    @Benchmark
    public boolean plainBouncyCastle() {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            X509CertificateHolder certificate = (X509CertificateHolder) signed.getCertificates().getMatches(signer.getSID()).iterator().next();
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(certificate));
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        int ocsp = ocspCallsSinceWarmUp();
        int crl = crlCallsSinceWarmUp();
        System.out.printf("%n[tirkeu-bench] %s: the measured runs made %d OCSP and %d CRL request(s)%s%n", keyType, ocsp, crl,
                ocsp + crl == 0 ? ": every revocation answer came from the warm cache."
                        : " - NOT a warm-cache figure: the cache was refilled while measuring.");
        ca.close();
    }

    /** OCSP requests the CA has answered since setup warmed the cache; zero while the cache stays warm. */
    int ocspCallsSinceWarmUp() {
        return ca.calls(LoopbackCa.OCSP) - ocspCallsAfterWarmUp;
    }

    int crlCallsSinceWarmUp() {
        return ca.calls(LoopbackCa.CRL) - crlCallsAfterWarmUp;
    }

    /**
     * What the buyer agrees to at S18, as the canonical JSON (RFC 8785) the platform sends to
     * NCALayer: a few hundred bytes, Cyrillic and Kazakh letters included.
     */
    static byte[] applicationStatement() {
        return CanonicalJson.canonicalize("""
                {
                  "type": "vehicle-registration-application/buyer-consent",
                  "version": 1,
                  "application": "TRK-2026-0001234",
                  "step": "S18",
                  "vehicle": {"vin": "XW8ZZZ61ZSG012345", "make": "Hyundai", "model": "Tucson", "year": 2026,
                              "category": "M1", "colour": "белый", "passport": "KZ2600012345678"},
                  "seller": {"bin": "%s", "name": "ТОО \\"Астана Моторс\\""},
                  "buyer": {"iin": "%s", "name": "ТЕСТОВ АЙДАР СЕРІКҰЛЫ"},
                  "contract": {"number": "EC-2026-778899", "date": "2026-05-20"},
                  "price": {"amount": "15490000.00", "currency": "KZT"},
                  "psc": "ЦОН района Есиль, г. Астана",
                  "plateType": "standard",
                  "feesPaid": true,
                  "consent": "Я согласен на регистрацию транспортного средства на моё имя."
                }
                """.formatted(DEALER_BIN.value(), BUYER_IIN.value()));
    }
}
