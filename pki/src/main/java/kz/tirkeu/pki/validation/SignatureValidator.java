package kz.tirkeu.pki.validation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.crypto.BouncyCastle;
import kz.tirkeu.pki.crypto.SignatureAlgorithm;
import kz.tirkeu.pki.revocation.EmbeddedRevocationData;
import kz.tirkeu.pki.revocation.RevocationCheck;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.revocation.RevocationEvidence;
import kz.tirkeu.pki.revocation.RevocationStatus;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationVerifier;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

/**
 * The one verification call of the platform: takes a CMS / CAdES signature and answers PASSED,
 * FAILED or INDETERMINATE with a sub-indication and the checks behind it. It checks the signature
 * value, the content digest, the accepted algorithms, the signature time-stamp, the chain to the
 * configured trust anchors, the certificates' validity at the signing time, revocation (OCSP with
 * nonce, CRL as fallback, or evidence embedded in the document), the key purpose, and that the
 * signer is who the caller expects. A revocation status that cannot be determined is never PASSED.
 *
 * <p>Cheap, definite checks come first; revocation, which may reach the network, comes last.
 */
public final class SignatureValidator {

    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final ValidationPolicy policy;
    private final RevocationChecker revocation;
    private final Clock clock;
    private final CertificateChains chains;
    private final DigestCalculatorProvider digests;
    private final DefaultCMSSignatureAlgorithmNameGenerator algorithmNames = new DefaultCMSSignatureAlgorithmNameGenerator();
    private final DefaultSignatureAlgorithmIdentifierFinder algorithmIdentifiers = new DefaultSignatureAlgorithmIdentifierFinder();

    public SignatureValidator(ValidationPolicy policy, RevocationChecker revocation, Clock clock) {
        this.policy = policy;
        this.revocation = revocation;
        this.clock = clock;
        this.chains = new CertificateChains(policy.trustAnchors());
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public ValidationReport validate(ValidationRequest request) {
        Instant now = clock.instant();
        CMSSignedData signed;
        try {
            signed = request.detachedContent().isPresent()
                    ? new CMSSignedData(new CMSProcessableByteArray(request.detachedContent().get()), request.cms())
                    : new CMSSignedData(request.cms());
            signed.getSignerInfos();
        } catch (CMSException | RuntimeException e) {
            return ValidationReport.failure(SubIndication.FORMAT_FAILURE,
                    "This is not a CMS SignedData (PKCS#7) signature: " + rootMessage(e), now);
        }
        if (!CMSObjectIdentifiers.signedData.equals(signed.toASN1Structure().getContentType())) {
            // BouncyCastle reads the structure whatever the outer type says; a relying party must not.
            return ValidationReport.failure(SubIndication.FORMAT_FAILURE,
                    "This is not a CMS SignedData: its content type is " + signed.toASN1Structure().getContentType() + ".", now);
        }
        if (signed.getSignedContent() == null) {
            return ValidationReport.failure(SubIndication.SIGNED_DATA_NOT_FOUND,
                    "The signature is detached and the signed content was not supplied.", now);
        }
        try {
            Collection<SignerInformation> signerInfos = signed.getSignerInfos().getSigners();
            if (signerInfos.isEmpty()) {
                return ValidationReport.failure(SubIndication.FORMAT_FAILURE, "The CMS holds no signature.", now);
            }
            List<X509Certificate> pool = new ArrayList<>(certificates(signed.getCertificates()));
            pool.addAll(policy.knownIntermediates());
            EmbeddedRevocationData embedded = embeddedRevocationData(signed);
            List<SignerReport> reports = new ArrayList<>();
            for (SignerInformation signer : signerInfos) {
                reports.add(new SignerValidation(signer, signed, pool, embedded, request, now).run());
            }
            return ValidationReport.ofSigners(reports, now);
        } catch (Stop stop) {
            return ValidationReport.failure(stop.sub, stop.getMessage(), now);
        } catch (RuntimeException e) {
            // BouncyCastle parses lazily: a damaged structure can surface anywhere in the walk above.
            return ValidationReport.failure(SubIndication.FORMAT_FAILURE, "The signature's structure is damaged: " + rootMessage(e), now);
        }
    }

    /**
     * The checks of a signer's certificate without a CMS around it: chain to the trust anchors (through the given
     * intermediates), validity now, key purpose, who it belongs to, and revocation. For a key that proves itself some
     * other way than CMS, e.g. a partner system's JWT assertion (RFC 7523), whose signature the caller verifies with
     * the certificate's public key. {@code request}'s CMS is not read; its purpose and expected signer are.
     */
    public ValidationReport validateCertificate(X509Certificate certificate, List<X509Certificate> intermediates, ValidationRequest request) {
        Instant now = clock.instant();
        List<X509Certificate> pool = new ArrayList<>(intermediates);
        pool.addAll(policy.knownIntermediates());
        return ValidationReport.ofSigners(List.of(new SignerValidation(null, null, pool, EmbeddedRevocationData.NONE, request, now)
                .runForCertificate(certificate)), now);
    }

    /** The validation of one SignerInfo; a {@link Stop} ends it with the first definite problem. */
    private final class SignerValidation {
        private final SignerInformation signerInfo;
        private final CMSSignedData signed;
        private final List<X509Certificate> pool;
        private final EmbeddedRevocationData embedded;
        private final ValidationRequest request;
        private final Instant now;

        private final List<Check> checks = new ArrayList<>();
        private final List<RevocationEvidence> evidence = new ArrayList<>();
        private Optional<KzCertificate> signer = Optional.empty();
        private Optional<Instant> claimedSigningTime = Optional.empty();
        private Optional<Instant> timeStamp = Optional.empty();
        private List<X509Certificate> path = List.of();

        SignerValidation(SignerInformation signerInfo, CMSSignedData signed, List<X509Certificate> pool,
                         EmbeddedRevocationData embedded, ValidationRequest request, Instant now) {
            this.signerInfo = signerInfo;
            this.signed = signed;
            this.pool = pool;
            this.embedded = embedded;
            this.request = request;
            this.now = now;
        }

        SignerReport run() {
            try {
                X509Certificate cert = signingCertificate();
                KzCertificate kz = KzCertificate.of(cert);
                signer = Optional.of(kz);
                SignatureAlgorithm algorithm = acceptedAlgorithm();
                if (!signed.getDigestAlgorithmIDs().contains(signerInfo.getDigestAlgorithmID())) {
                    throw new Stop("structure", SubIndication.FORMAT_FAILURE,
                            "The signature's digest algorithm is not among those the SignedData declares: the structure was altered.");
                }
                verifySignatureValue(cert, algorithm);
                claimedSigningTime = claimedSigningTime();
                path = chainOf(cert);
                timeStamp = verifyTimeStamp();
                checkKeyPurpose(kz);
                checkExpectedSigner(kz);
                checkValidityPeriod(kz);
                checkPath(path, timeStamp.orElse(now), "certificate chain");
                checkRevocation(path);
                return report(Indication.PASSED, Optional.empty(), "The signature is valid.");
            } catch (Stop stop) {
                return stopped(stop);
            } catch (RuntimeException e) {
                // BouncyCastle parses lazily: a damaged attribute or certificate surfaces here.
                return stopped(new Stop("structure", SubIndication.FORMAT_FAILURE, "The signature's structure is damaged: " + rootMessage(e)));
            }
        }

        SignerReport runForCertificate(X509Certificate cert) {
            try {
                KzCertificate kz = KzCertificate.of(cert);
                signer = Optional.of(kz);
                path = chainOf(cert);
                checkKeyPurpose(kz);
                checkExpectedSigner(kz);
                checkValidityPeriod(kz);
                checkPath(path, now, "certificate chain");
                checkRevocation(path);
                return report(Indication.PASSED, Optional.empty(), "The certificate is valid.");
            } catch (Stop stop) {
                return stopped(stop);
            } catch (RuntimeException e) {
                return stopped(new Stop("structure", SubIndication.FORMAT_FAILURE, "The certificate cannot be read: " + rootMessage(e)));
            }
        }

        private SignerReport stopped(Stop stop) {
            checks.add(new Check(stop.check, stop.sub.indication() == Indication.FAILED ? Check.Outcome.FAILED : Check.Outcome.INDETERMINATE, stop.getMessage()));
            return report(stop.sub.indication(), Optional.of(stop.sub), stop.getMessage());
        }

        private SignerReport report(Indication indication, Optional<SubIndication> sub, String message) {
            return new SignerReport(indication, sub, message, signer, claimedSigningTime, timeStamp, path, List.copyOf(checks), List.copyOf(evidence));
        }

        private X509Certificate signingCertificate() {
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signerInfo.getSID());
            if (matches.isEmpty()) {
                throw new Stop("signing certificate", SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                        "The signer's certificate is not included in the signature.");
            }
            X509Certificate cert = toX509(matches.iterator().next());
            checkSigningCertificateAttribute(cert);
            checks.add(Check.ok("signing certificate", "serial " + cert.getSerialNumber().toString(16)));
            return cert;
        }

        /** CAdES: the signed attribute that binds the signature to one certificate, so it cannot be swapped. */
        private void checkSigningCertificateAttribute(X509Certificate cert) {
            AttributeTable signedAttributes = signerInfo.getSignedAttributes();
            if (signedAttributes == null) {
                throw new Stop("signed attributes", SubIndication.FORMAT_FAILURE,
                        "The signature has no signed attributes (content type, message digest), so it is not CAdES.");
            }
            try {
                Attribute v2 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
                Attribute v1 = signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
                if (v2 != null) {
                    ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                    requireCertHash(cert, id.getHashAlgorithm(), id.getCertHash());
                } else if (v1 != null) {
                    ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                    requireCertHash(cert, new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1), id.getCertHash());
                }
            } catch (RuntimeException e) {
                throw new Stop("signing-certificate attribute", SubIndication.FORMAT_FAILURE,
                        "The signing-certificate attribute cannot be read: " + rootMessage(e));
            }
        }

        private void requireCertHash(X509Certificate cert, AlgorithmIdentifier algorithm, byte[] expected) {
            if (!Arrays.equals(digest(algorithm, encoded(cert)), expected)) {
                throw new Stop("signing-certificate attribute", SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                        "The signature names a different signing certificate than the one it carries.");
            }
        }

        private SignatureAlgorithm acceptedAlgorithm() {
            return policy.algorithms().forSignerInfo(signerInfo.getEncryptionAlgOID(), signerInfo.getDigestAlgOID())
                    .orElseThrow(() -> new Stop("algorithm", SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                            "The signature algorithm " + signerInfo.getEncryptionAlgOID() + " with digest "
                                    + signerInfo.getDigestAlgOID() + " is not accepted."));
        }

        private void verifySignatureValue(X509Certificate cert, SignatureAlgorithm algorithm) {
            // Built from the public key, not the certificate: BouncyCastle would otherwise reject on
            // the claimed signing time by itself, and validity is judged below with proper sub-indications.
            SignerInformationVerifier verifier = new SignerInformationVerifier(algorithmNames, algorithmIdentifiers,
                    algorithm.contentVerifier(cert.getPublicKey()), digests);
            try {
                if (!signerInfo.verify(verifier)) {
                    throw new Stop("signature value", SubIndication.SIG_CRYPTO_FAILURE,
                            "The signature value does not match the signer's certificate: it was made with another key, or altered.");
                }
            } catch (CMSSignerDigestMismatchException e) {
                throw new Stop("content digest", SubIndication.HASH_FAILURE,
                        "The signed content does not match the signature: it was changed after signing.");
            } catch (CMSException | RuntimeException e) {
                throw new Stop("signature value", SubIndication.SIG_CRYPTO_FAILURE, "The signature cannot be verified: " + rootMessage(e));
            }
            checks.add(Check.ok("content digest", "the content is what was signed"));
            checks.add(Check.ok("signature value", algorithm.name()));
        }

        private Optional<Instant> claimedSigningTime() {
            Attribute attribute = signerInfo.getSignedAttributes().get(CMSAttributes.signingTime);
            if (attribute == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
            } catch (RuntimeException e) {
                throw new Stop("signing time", SubIndication.FORMAT_FAILURE, "The signing-time attribute cannot be read.");
            }
        }

        private Optional<Instant> verifyTimeStamp() {
            AttributeTable unsigned = signerInfo.getUnsignedAttributes();
            Attribute attribute = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
            if (attribute == null) {
                if (request.requireTimeStamp()) {
                    throw new Stop("time-stamp", SubIndication.NO_POE, "The signature has no time-stamp, and one is required.");
                }
                return Optional.empty();
            }
            TimeStampToken token;
            try {
                ContentInfo tokenInfo = ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0));
                token = new TimeStampToken(tokenInfo);
                if (!CMSObjectIdentifiers.signedData.equals(tokenInfo.getContentType())
                        || !token.toCMSSignedData().getDigestAlgorithmIDs().contains(token.toCMSSignedData().getSignerInfos().getSigners().iterator().next().getDigestAlgorithmID())) {
                    throw timeStampFailure("The time-stamp's structure was altered.");
                }
            } catch (TSPException | IOException | RuntimeException e) {
                if (e instanceof Stop stop) {
                    throw stop;
                }
                throw timeStampFailure("The time-stamp cannot be read: " + rootMessage(e));
            }
            var imprint = token.getTimeStampInfo();
            if (!Arrays.equals(digest(imprint.getHashAlgorithm(), signerInfo.getSignature()), imprint.getMessageImprintDigest())) {
                throw timeStampFailure("The time-stamp covers a different signature.");
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsaMatches = token.getCertificates().getMatches(token.getSID());
            if (tsaMatches.isEmpty()) {
                throw timeStampFailure("The time-stamp does not include the TSA's certificate.");
            }
            X509Certificate tsa = toX509(tsaMatches.iterator().next());
            try {
                // Checks the TSA's signature, its certificate reference, its timeStamping key usage and validity at genTime.
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(tsa));
            } catch (TSPException | OperatorCreationException | RuntimeException e) {
                throw timeStampFailure("The time-stamp's signature is not valid: " + rootMessage(e));
            }
            Instant genTime = imprint.getGenTime().toInstant();
            List<X509Certificate> tsaPool = new ArrayList<>(pool);
            tsaPool.addAll(certificates(token.getCertificates()));
            List<X509Certificate> tsaPath = chains.pathFor(tsa, tsaPool)
                    .orElseThrow(() -> new Stop("time-stamp", SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                            "The time-stamping authority " + KzCertificate.displayName(tsa) + " does not chain to a trusted root."));
            chains.validate(tsaPath, genTime).ifPresent(f -> {
                throw timeStampFailure("The time-stamping authority's chain does not hold: " + f.message());
            });
            for (int i = 0; i < tsaPath.size() - 1; i++) {
                RevocationCheck check = revocation.check(tsaPath.get(i), tsaPath.get(i + 1), embedded, Optional.of(genTime));
                check.evidence().ifPresent(evidence::add);
                switch (check.status()) {
                    case RevocationStatus.Revoked r when !r.revokedAt().isAfter(genTime) ->
                            throw timeStampFailure("The time-stamping authority's certificate was revoked at " + r.revokedAt() + ".");
                    case RevocationStatus.Unknown u -> throw new Stop("time-stamp", SubIndication.TRY_LATER,
                            "The time-stamping authority's revocation status cannot be determined: " + u.why());
                    default -> { }
                }
            }
            checks.add(Check.ok("time-stamp", genTime + " by " + KzCertificate.displayName(tsa)));
            return Optional.of(genTime);
        }

        private Stop timeStampFailure(String message) {
            return new Stop("time-stamp", SubIndication.TIMESTAMP_FAILURE, message);
        }

        private List<X509Certificate> chainOf(X509Certificate cert) {
            List<X509Certificate> found = chains.pathFor(cert, pool).orElseThrow(() -> new Stop("certificate chain",
                    SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                    "The signer's certificate does not chain to a trusted root (issuer: " + cert.getIssuerX500Principal().getName() + ")."));
            checks.add(Check.ok("trust anchor", KzCertificate.displayName(found.getLast())));
            return found;
        }

        private void checkKeyPurpose(KzCertificate kz) {
            if (kz.purpose() != request.purpose()) {
                throw new Stop("key purpose", SubIndication.KEY_PURPOSE_FAILURE,
                        "The key is a " + kz.purpose() + " key; a " + request.purpose() + " key is required"
                                + (kz.purpose() == KeyPurpose.AUTH ? " (an authentication key cannot sign documents)." : "."));
            }
            checks.add(Check.ok("key purpose", kz.purpose().name()));
        }

        private void checkExpectedSigner(KzCertificate kz) {
            switch (request.expectedSigner()) {
                case ExpectedSigner.Anyone a -> { }
                case ExpectedSigner.Individual individual -> {
                    if (kz.kind() != SubjectKind.INDIVIDUAL) {
                        throw role("an individual's own key (role 1.2.398.3.3.4.1.1)", kz);
                    }
                    if (!kz.iin().equals(Optional.of(individual.iin()))) {
                        throw identity("IIN " + individual.iin(), "IIN " + kz.iin().map(Object::toString).orElse("none"));
                    }
                }
                case ExpectedSigner.LegalEntitySigner entity -> {
                    if (kz.kind() != SubjectKind.LEGAL_ENTITY_EMPLOYEE) {
                        throw role("a legal entity employee's key (role 1.2.398.3.3.4.1.2)", kz);
                    }
                    if (!kz.bin().equals(Optional.of(entity.bin()))) {
                        throw identity("BIN " + entity.bin(), "BIN " + kz.bin().map(Object::toString).orElse("none"));
                    }
                    if (kz.roles().stream().noneMatch(entity.acceptedRoles()::contains)) {
                        throw new Stop("signer role", SubIndication.SIGNER_ROLE_FAILURE,
                                "The signer holds " + employeeRoles(kz) + " in BIN " + entity.bin() + "; one of " + entity.acceptedRoles() + " is required.");
                    }
                }
                case ExpectedSigner.Organisation organisation -> {
                    if (kz.kind() != SubjectKind.ORGANISATION) {
                        throw role("an organisation's key (a BIN and no IIN)", kz);
                    }
                    if (!kz.bin().equals(Optional.of(organisation.bin()))) {
                        throw identity("BIN " + organisation.bin(), "BIN " + kz.bin().map(Object::toString).orElse("none"));
                    }
                }
            }
            checks.add(Check.ok("signer", describe(kz)));
        }

        private Stop role(String required, KzCertificate kz) {
            return new Stop("signer role", SubIndication.SIGNER_ROLE_FAILURE,
                    "The signature needs " + required + "; it was made with " + kind(kz) + ".");
        }

        private Stop identity(String expected, String found) {
            return new Stop("signer identity", SubIndication.SIGNER_IDENTITY_FAILURE,
                    "The signature must be by " + expected + "; it was made by " + found + ".");
        }

        private void checkValidityPeriod(KzCertificate kz) {
            Instant notBefore = kz.notBefore();
            Instant notAfter = kz.notAfter();
            if (claimedSigningTime.isPresent()) {
                Instant claimed = claimedSigningTime.get();
                if (claimed.isBefore(notBefore.minus(CLOCK_SKEW))) {
                    throw new Stop("validity", SubIndication.NOT_YET_VALID, "The signature says it was made at " + claimed
                            + ", before the certificate became valid (" + notBefore + ").");
                }
                if (claimed.isAfter(notAfter)) {
                    throw new Stop("validity", SubIndication.EXPIRED, "The signature says it was made at " + claimed
                            + ", after the certificate expired (" + notAfter + ").");
                }
            }
            if (timeStamp.isPresent()) {
                Instant proven = timeStamp.get();
                if (proven.isBefore(notBefore)) {
                    throw new Stop("validity", SubIndication.NOT_YET_VALID, "The signature was time-stamped at " + proven
                            + ", before the certificate became valid (" + notBefore + ").");
                }
                if (proven.isAfter(notAfter)) {
                    throw new Stop("validity", SubIndication.EXPIRED, "The signature was time-stamped at " + proven
                            + ", after the certificate expired (" + notAfter + ").");
                }
            } else {
                if (now.isBefore(notBefore)) {
                    throw new Stop("validity", SubIndication.NOT_YET_VALID, "The certificate is not valid until " + notBefore + ".");
                }
                if (now.isAfter(notAfter)) {
                    throw new Stop("validity", SubIndication.OUT_OF_BOUNDS_NO_POE, "The certificate expired at " + notAfter
                            + ", and no time-stamp proves the signature was made before.");
                }
            }
            checks.add(Check.ok("validity", "certificate valid from " + notBefore + " to " + notAfter + " at " + timeStamp.orElse(now)));
        }

        private void checkPath(List<X509Certificate> certPath, Instant at, String name) {
            chains.validate(certPath, at).ifPresent(failure -> {
                throw new Stop(name, failure.subIndication(), failure.message());
            });
            checks.add(Check.ok(name, CertificateChains.describe(certPath)));
        }

        private void checkRevocation(List<X509Certificate> certPath) {
            for (int i = 0; i < certPath.size() - 1; i++) {
                X509Certificate cert = certPath.get(i);
                String whose = i == 0 ? "the signer's certificate" : "the CA certificate \"" + KzCertificate.displayName(cert) + "\"";
                RevocationCheck check = revocation.check(cert, certPath.get(i + 1), embedded, timeStamp);
                check.evidence().ifPresent(evidence::add);
                switch (check.status()) {
                    case RevocationStatus.Good good -> checks.add(Check.ok("revocation", whose + ": good (" + good.source() + ", " + good.asOf() + ")"));
                    case RevocationStatus.Unknown unknown -> throw new Stop("revocation", SubIndication.TRY_LATER,
                            "The revocation status of " + whose + " cannot be determined now: " + unknown.why());
                    case RevocationStatus.Revoked revoked -> judgeRevoked(revoked, whose);
                }
            }
        }

        private void judgeRevoked(RevocationStatus.Revoked revoked, String whose) {
            Instant at = revoked.revokedAt();
            boolean signerAdmitsLater = claimedSigningTime.map(t -> !t.isBefore(at)).orElse(false);
            boolean provenBefore = timeStamp.map(t -> t.isBefore(at)).orElse(false);
            if (signerAdmitsLater || (timeStamp.isPresent() && !provenBefore)) {
                throw new Stop("revocation", SubIndication.REVOKED, "The signature was made after " + whose
                        + " was revoked (" + at + ", " + revoked.source() + ").");
            }
            if (!provenBefore) {
                throw new Stop("revocation", SubIndication.REVOKED_NO_POE, whose.substring(0, 1).toUpperCase() + whose.substring(1)
                        + " was revoked at " + at + ", and no time-stamp proves the signature was made before.");
            }
            checks.add(Check.ok("revocation", whose + ": revoked at " + at + ", after the time-stamp " + timeStamp.get()
                    + ", so the signature stands"));
        }
    }

    private byte[] digest(AlgorithmIdentifier algorithm, byte[] data) {
        try {
            DigestCalculator calculator = digests.get(algorithm);
            calculator.getOutputStream().write(data);
            calculator.getOutputStream().close();
            return calculator.getDigest();
        } catch (OperatorCreationException | IOException e) {
            throw new Stop("digest", SubIndication.CRYPTO_CONSTRAINTS_FAILURE, "Unsupported digest algorithm " + algorithm.getAlgorithm());
        }
    }

    private static String describe(KzCertificate kz) {
        StringBuilder out = new StringBuilder(kind(kz)).append(' ').append(kz.commonName());
        kz.iin().ifPresent(iin -> out.append(", IIN ").append(iin));
        kz.bin().ifPresent(bin -> out.append(", BIN ").append(bin));
        String roles = employeeRoles(kz);
        if (!roles.isEmpty()) {
            out.append(", ").append(roles);
        }
        return out.toString();
    }

    private static String kind(KzCertificate kz) {
        return switch (kz.kind()) {
            case INDIVIDUAL -> "an individual's key";
            case LEGAL_ENTITY_EMPLOYEE -> "a legal entity employee's key";
            case ORGANISATION -> "an organisation's key";
            case OTHER -> "a key with no Kazakh subject roles";
        };
    }

    private static String employeeRoles(KzCertificate kz) {
        return kz.roles().stream().filter(KzRole::isEmployeeRole).map(Enum::name).sorted().reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static List<X509Certificate> certificates(Store<X509CertificateHolder> store) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> holders = store.getMatches(null);
        return holders.stream().map(SignatureValidator::toX509).toList();
    }

    private static EmbeddedRevocationData embeddedRevocationData(CMSSignedData signed) {
        List<byte[]> ocsp = new ArrayList<>();
        List<byte[]> crls = new ArrayList<>();
        try {
            @SuppressWarnings("unchecked")
            Collection<ASN1Encodable> responses = signed.getOtherRevocationInfo(CMSObjectIdentifiers.id_ri_ocsp_response).getMatches(null);
            for (ASN1Encodable response : responses) {
                ocsp.add(response.toASN1Primitive().getEncoded());
            }
            @SuppressWarnings("unchecked")
            Collection<X509CRLHolder> holders = signed.getCRLs().getMatches(null);
            for (X509CRLHolder crl : holders) {
                crls.add(crl.getEncoded());
            }
        } catch (IOException | RuntimeException e) {
            // unreadable embedded evidence is ignored; revocation is then checked online
        }
        return new EmbeddedRevocationData(ocsp, crls);
    }

    private static X509Certificate toX509(X509CertificateHolder holder) {
        try {
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new Stop("certificate", SubIndication.FORMAT_FAILURE, "A certificate in the signature cannot be read: " + e.getMessage());
        }
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new Stop("certificate", SubIndication.FORMAT_FAILURE, "A certificate in the signature cannot be encoded.");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Ends a signer's validation with a sub-indication. Never escapes {@link #validate}. */
    private static final class Stop extends RuntimeException {
        private final String check;
        private final SubIndication sub;

        Stop(String check, SubIndication sub, String message) {
            super(message, null, false, false);
            this.check = check;
            this.sub = sub;
        }
    }
}
