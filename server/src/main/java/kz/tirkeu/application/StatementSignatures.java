package kz.tirkeu.application;

import kz.tirkeu.platform.CannotServe;
import kz.tirkeu.application.checks.CheckResult;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.Indication;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.signatures.SignatureVerification;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.springframework.stereotype.Component;

/**
 * The signed statements of S9 (the seller: an employee of its BIN with signing right) and S18 (the
 * buyer: their own IIN), validated when they are given and again at the decision (S19): a key revoked
 * since, without a time-stamp to prove the signature came first, no longer carries the application
 * (Digital Code Art. 33). An answer the CA could not give (OCSP and CRL down) waits.
 */
@Component
class StatementSignatures {

    private final SignatureVerification verification;
    private final Set<KzRole> sellerRoles;

    StatementSignatures(SignatureVerification verification,
                        ApplicationProperties properties) {
        this.verification = verification;
        this.sellerRoles = EnumSet.copyOf(properties.sellerSigningRoles().stream().map(KzRole::valueOf).toList());
    }

    ExpectedSigner seller(ApplicationRecord record) {
        return new ExpectedSigner.LegalEntitySigner(record.sellerBin(), sellerRoles);
    }

    ExpectedSigner buyer(ApplicationRecord record) {
        return ExpectedSigner.individual(record.buyerIin());
    }

    /**
     * A CMS given for this statement (S9, S18), accepted only over exactly these bytes — attached (NCALayer's
     * "encapsulate") or detached over them — and only if it validates now; otherwise a refusal the signer can act on.
     */
    ValidationReport accept(byte[] statement, byte[] cms, ExpectedSigner signer) {
        Optional<byte[]> attached = attachedContent(cms);
        if (attached.isPresent() && !Arrays.equals(attached.get(), statement)) {
            throw new ApplicationRefused("STATEMENT_MISMATCH", CannotServe.Reason.INVALID,
                    "The signature is over something other than the current statement of this application. Fetch the statement again and sign it.");
        }
        ValidationReport report = validate(statement, cms, signer);
        if (report.passed()) {
            return report;
        }
        // Only "try later" (the CA's OCSP and CRL did not answer) is temporary: a client retries a 503, so anything else
        // is a 4xx that says what to change (issue [11]: a CMS without the intermediate CA got 503, retried forever).
        if (report.subIndication().orElse(null) == SubIndication.TRY_LATER) {
            throw new CannotServe("SIGNATURE_CHECK_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                    "The signer's certificate status cannot be checked right now (the CA does not answer). Sign again in a few minutes.");
        }
        if (report.subIndication().orElse(null) == SubIndication.NO_CERTIFICATE_CHAIN_FOUND) {
            verification.missingIssuer(cms).ifPresent(missing -> {
                throw missing;
            });
        }
        throw new ApplicationRefused("SIGNATURE_NOT_ACCEPTED", CannotServe.Reason.INVALID,
                "The signature cannot be accepted: " + report.message() + report.subIndication().map(s -> " (" + s + ")").orElse(""),
                report.message() + report.subIndication().map(s -> " (" + s + ")").orElse(""));
    }

    CheckResult seller(ApplicationRecord record, Submission submission) {
        return judge("seller-signature", Refusal.SELLER_SIGNATURE_NOT_VALID, submission.seller(), seller(record));
    }

    CheckResult buyer(ApplicationRecord record, Submission submission) {
        return judge("buyer-signature", Refusal.BUYER_SIGNATURE_NOT_VALID, submission.buyer(), buyer(record));
    }

    private ValidationReport validate(byte[] statement, byte[] cms, ExpectedSigner signer) {
        ValidationRequest request = ValidationRequest.of(cms).expecting(signer);
        return verification.validate(attachedContent(cms).isPresent() ? request : request.withDetachedContent(statement));
    }

    private static Optional<byte[]> attachedContent(byte[] cms) {
        try {
            return Optional.ofNullable(new CMSSignedData(cms).getSignedContent()).map(content -> (byte[]) content.getContent());
        } catch (CMSException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private CheckResult judge(String check, Refusal refusal, Submission.Signed signed, ExpectedSigner signer) {
        ValidationReport report = validate(signed.content(), signed.signature(), signer);
        String found = report.indication() + report.subIndication().map(s -> "/" + s).orElse("") + ": " + report.message();
        Map<String, String> facts = Map.of("indication", report.indication().name(), "subIndication", report.subIndication().map(Enum::name).orElse(""));
        if (report.passed()) {
            return CheckResult.passedAtDecision(check, found, null, facts);
        }
        // Only "try later" (the CA's OCSP and CRL did not answer) is an outage; REVOKED_NO_POE and the like are answers.
        if (report.indication() == Indication.INDETERMINATE && report.subIndication().orElse(null) == SubIndication.TRY_LATER) {
            return CheckResult.waitingAtDecision(check, "the signature could not be checked now: " + found, Optional.empty(), null, facts);
        }
        return CheckResult.refusedAtDecision(check, refusal, found, null, facts);
    }
}
