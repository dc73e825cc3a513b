package kz.tirkeu.identity.signin;

import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.identity.IdentityNotice;
import org.springframework.context.ApplicationEventPublisher;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.identity.session.SessionKind;
import kz.tirkeu.identity.session.SessionOwner;
import kz.tirkeu.identity.session.SessionToken;
import kz.tirkeu.identity.session.Sessions;
import kz.tirkeu.identity.totp.TotpEnrolments;
import kz.tirkeu.pki.cert.KeyPurpose;
import kz.tirkeu.pki.cert.KzCertificate;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.signatures.SignatureVerification;
import kz.tirkeu.statesystems.MobileCitizensBase;
import kz.tirkeu.statesystems.MobileCitizensBase.PhoneLookup;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.NamedInterface;

/**
 * Sign-in as on eGov, for browsers and API clients alike: (1) the platform hands out a one-time
 * challenge; (2) the person signs it with their AUTH key (NCALayer) and the platform checks the
 * signature — chain, validity, revocation, key purpose — and reads IIN, BIN and roles from the
 * certificate; (3) the person confirms with a second factor (SMS code to the МБГ phone, or TOTP for
 * enrolled staff); only then is a session opened (Digital Code Art. 31(2)).
 */
@NamedInterface("sessions")
@Service
public class SignIn {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInChallenges challenges;
    private final SignInAttempts attempts;
    private final SecondFactorLocks locks;
    private final TotpEnrolments totp;
    private final SignatureVerification signatures;
    private final MobileCitizensBase mbg;
    private final ApplicationEventPublisher events;
    private final Sessions sessions;
    private final IdentityProperties properties;
    private final Clock clock;

    SignIn(SignInChallenges challenges, SignInAttempts attempts, SecondFactorLocks locks, TotpEnrolments totp,
           SignatureVerification signatures, MobileCitizensBase mbg, ApplicationEventPublisher events, Sessions sessions,
           IdentityProperties properties, Clock clock) {
        this.challenges = challenges;
        this.attempts = attempts;
        this.locks = locks;
        this.totp = totp;
        this.signatures = signatures;
        this.mbg = mbg;
        this.events = events;
        this.sessions = sessions;
        this.properties = properties;
        this.clock = clock;
    }

    public Challenge challenge() {
        return challenges.issue();
    }

    /** Step 2: the signed challenge. On success the second factor is on its way. */
    public SecondFactorRequested presentSignature(UUID challengeId, byte[] cms, Locale locale) {
        KzCertificate certificate = signer(challengeId, cms);
        Iin iin = certificate.iin().orElseThrow();
        refuseIfLocked(iin);
        Instant now = clock.instant();
        UUID attemptId = UUID.randomUUID();
        Instant codeExpiresAt = now.plus(properties.codeValidity());
        if (totp.isEnrolled(iin)) {
            attempts.add(new SignInAttempts.Attempt(attemptId, iin, certificate.bin(), certificate.commonName(), certificate.kind(),
                    certificate.roles(), SecondFactor.TOTP, null, null, codeExpiresAt, now, null), challengeId, certificate.serialHex());
            return new SecondFactorRequested(attemptId, SecondFactor.TOTP, Optional.empty(), codeExpiresAt, certificate.commonName());
        }
        return switch (mbg.registeredPhone(iin)) {
            case PhoneLookup.Registered registered -> {
                String code = String.format("%06d", RANDOM.nextInt(1_000_000));
                attempts.add(new SignInAttempts.Attempt(attemptId, iin, certificate.bin(), certificate.commonName(), certificate.kind(),
                        certificate.roles(), SecondFactor.SMS, codeHash(attemptId, code), registered.phone().masked(), codeExpiresAt, now, null),
                        challengeId, certificate.serialHex());
                events.publishEvent(new IdentityNotice.OneTimeCode(iin, registered.phone(), code, locale));
                yield new SecondFactorRequested(attemptId, SecondFactor.SMS, Optional.of(registered.phone().masked()), codeExpiresAt,
                        certificate.commonName());
            }
            case PhoneLookup.NotRegistered none -> throw new SignInRefused("NO_REGISTERED_PHONE", CannotServe.Reason.FORBIDDEN,
                    "No mobile number is registered for you in the mobile citizens base (МБГ), so no code can be sent. "
                            + "Register your number at egov.kz or at a public service centre, then sign in again.");
            case PhoneLookup.Unavailable unavailable -> throw new SignInRefused("SECOND_FACTOR_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The mobile citizens base (МБГ) does not answer right now, so no code can be sent. Please try again in a few minutes.");
        };
    }

    /**
     * A fresh proof of who someone is: a challenge of {@link #challenge()} signed with their AUTH key, checked like
     * step 2 of the sign-in and used up. For acts that change how the person signs in (an authenticator app).
     */
    public Iin proveWithSignature(UUID challengeId, byte[] cms) {
        return signer(challengeId, cms).iin().orElseThrow();
    }

    private KzCertificate signer(UUID challengeId, byte[] cms) {
        byte[] challenge = challenges.consume(challengeId).orElseThrow(() -> new SignInRefused("CHALLENGE_INVALID", CannotServe.Reason.INVALID,
                "This sign-in challenge is unknown, expired or already used. Start the sign-in again."));
        ValidationRequest request = ValidationRequest.of(cms).forPurpose(KeyPurpose.AUTH);
        Optional<byte[]> signedContent = attachedContent(cms);
        if (signedContent.isPresent() && !Arrays.equals(signedContent.get(), challenge)) {
            throw new SignInRefused("CHALLENGE_MISMATCH", CannotServe.Reason.INVALID,
                    "The signature is over something other than this sign-in challenge. Sign the challenge you were given.");
        }
        if (signedContent.isEmpty()) {
            request = request.withDetachedContent(challenge);
        }
        ValidationReport report = signatures.validate(request);
        if (!report.passed()) {
            if (report.subIndication().orElse(null) == SubIndication.NO_CERTIFICATE_CHAIN_FOUND) {
                // Not "not accredited" when what happened is an intermediate CA left out of the CMS (issue [11]).
                signatures.missingIssuer(cms).ifPresent(missing -> {
                    throw missing;
                });
            }
            throw refusalFor(report);
        }
        KzCertificate certificate = report.signers().getFirst().signer().orElseThrow();
        if (certificate.kind() != SubjectKind.INDIVIDUAL && certificate.kind() != SubjectKind.LEGAL_ENTITY_EMPLOYEE) {
            throw new SignInRefused("CERTIFICATE_NOT_FOR_PEOPLE", CannotServe.Reason.NOT_AUTHENTICATED,
                    "This key belongs to an organisation or a system, not a person. Sign in with your personal or employee key.");
        }
        return certificate;
    }

    /** Step 3: the code. Opens a session of the asked kind with a fresh token. */
    @Transactional(noRollbackFor = SignInRefused.class)
    public OpenedSession confirm(UUID signInId, String code, SessionKind kind) {
        return confirm(signInId, code, kind, Optional.empty());
    }

    /**
     * Step 3 through a partner system: the person gave the partner their code, and the session opened is bound to that
     * partner ({@link Sessions#open(SessionOwner, SessionKind, Optional)}).
     */
    @Transactional(noRollbackFor = SignInRefused.class)
    public OpenedSession confirm(UUID signInId, String code, SessionKind kind, Optional<String> partnerClient) {
        SignInAttempts.Attempt attempt = attempts.lock(signInId).orElseThrow(() -> new SignInRefused("SIGN_IN_UNKNOWN", CannotServe.Reason.NOT_FOUND,
                "This sign-in is unknown. Start the sign-in again."));
        if (attempt.completedAt() != null) {
            throw new SignInRefused("SIGN_IN_COMPLETED", CannotServe.Reason.CONFLICT, "This sign-in was already confirmed. Start a new one to get a new session.");
        }
        locks.holdPerson(attempt.iin());
        refuseIfLocked(attempt.iin());
        Instant now = clock.instant();
        if (!now.isBefore(attempt.codeExpiresAt())) {
            throw new SignInRefused("CODE_EXPIRED", CannotServe.Reason.GONE, "The code has expired. Start the sign-in again to get a new one.").situation("signIn");
        }
        String typed = code == null ? "" : code.strip();
        boolean right = switch (attempt.secondFactor()) {
            case SMS -> MessageDigest.isEqual(codeHash(attempt.id(), typed), attempt.codeHash());
            case TOTP -> typed.matches("\\d{6}") && totp.verify(attempt.iin(), typed);
        };
        if (!right) {
            int left = locks.recordWrongCode(attempt.iin());
            if (left == 0) {
                throw new SignInRefused("SECOND_FACTOR_LOCKED", CannotServe.Reason.TOO_MANY,
                        "Too many wrong codes. Sign-in is locked for " + properties.lockDuration().toMinutes() + " minutes.",
                        String.valueOf(properties.lockDuration().toMinutes()));
            }
            throw new SignInRefused("CODE_WRONG", CannotServe.Reason.NOT_AUTHENTICATED, "The code is not right. Tries left: " + left + ".", String.valueOf(left))
                    .situation("triesLeft");
        }
        locks.reset(attempt.iin());
        attempts.complete(attempt.id(), now);
        SessionToken token = sessions.open(new SessionOwner(attempt.id(), attempt.iin(), attempt.bin(), attempt.name(),
                attempt.certificateKind(), attempt.certificateRoles()), kind, partnerClient);
        return new OpenedSession(token, attempt.name());
    }

    private void refuseIfLocked(Iin iin) {
        locks.lockedUntil(iin).ifPresent(until -> {
            throw new SignInRefused("SECOND_FACTOR_LOCKED", CannotServe.Reason.TOO_MANY,
                    "Too many wrong codes. Sign-in is locked until " + until + ".", until.toString()).situation("until");
        });
    }

    private static byte[] codeHash(UUID attemptId, String code) {
        return Digests.sha256((attemptId + ":" + code).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> attachedContent(byte[] cms) {
        try {
            CMSSignedData signed = new CMSSignedData(cms);
            return Optional.ofNullable(signed.getSignedContent()).map(content -> (byte[]) content.getContent());
        } catch (CMSException | RuntimeException e) {
            return Optional.empty(); // the validator reports the format failure in plain words
        }
    }

    private static SignInRefused refusalFor(ValidationReport report) {
        SubIndication sub = report.subIndication().orElse(SubIndication.FORMAT_FAILURE);
        String why = report.message();
        return switch (sub) {
            case KEY_PURPOSE_FAILURE -> new SignInRefused("NOT_AN_AUTHENTICATION_KEY", CannotServe.Reason.NOT_AUTHENTICATED,
                    "Sign in with your authentication key (AUTH_…), not your signing key. " + why, why);
            case REVOKED, REVOKED_NO_POE -> new SignInRefused("CERTIFICATE_REVOKED", CannotServe.Reason.NOT_AUTHENTICATED,
                    "Your certificate has been revoked. Get a new one from the National Certification Authority (pki.gov.kz). " + why, why);
            case EXPIRED, NOT_YET_VALID, OUT_OF_BOUNDS_NO_POE -> new SignInRefused("CERTIFICATE_NOT_VALID_NOW", CannotServe.Reason.NOT_AUTHENTICATED,
                    "Your certificate is not valid now. Renew it at pki.gov.kz. " + why, why);
            case NO_CERTIFICATE_CHAIN_FOUND, CHAIN_CONSTRAINTS_FAILURE -> new SignInRefused("CERTIFICATE_NOT_TRUSTED", CannotServe.Reason.NOT_AUTHENTICATED,
                    "This certificate is not issued by an accredited certification authority. " + why, why);
            case TRY_LATER -> new SignInRefused("REVOCATION_UNKNOWN", CannotServe.Reason.UNAVAILABLE,
                    "Your certificate's status cannot be checked right now. Please try again in a few minutes. " + why, why);
            default -> new SignInRefused("SIGNATURE_INVALID", CannotServe.Reason.INVALID, "The signature cannot be accepted. " + why, why);
        };
    }

    public record OpenedSession(SessionToken token, String personName) {}
}
