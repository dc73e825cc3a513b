package kz.tirkeu.application;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.Indication;
import kz.tirkeu.pki.validation.SubIndication;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.pki.validation.ValidationRequest;
import kz.tirkeu.signatures.SignatureVerification;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The signatures of S9 and S18 validated again at the decision (S19), over the stored statements: a
 * key revoked since, without a time-stamp to prove the signature came first, no longer carries the
 * application (Digital Code Art. 33). An answer the CA could not give (OCSP and CRL down) waits.
 */
@Component
class StatementSignatures {

    private final SignatureVerification verification;
    private final Set<KzRole> sellerRoles;

    StatementSignatures(SignatureVerification verification,
                        @Value("${tirkeu.application.seller-signing-roles:FIRST_HEAD,SIGNING_RIGHT}") List<String> sellerRoles) {
        this.verification = verification;
        this.sellerRoles = EnumSet.copyOf(sellerRoles.stream().map(String::strip).map(KzRole::valueOf).toList());
    }

    Finding seller(ApplicationRecord record, Submission submission) {
        return judge("seller-signature", Refusal.SELLER_SIGNATURE_NOT_VALID, submission.seller(),
                new ExpectedSigner.LegalEntitySigner(record.sellerBin(), sellerRoles));
    }

    Finding buyer(ApplicationRecord record, Submission submission) {
        return judge("buyer-signature", Refusal.BUYER_SIGNATURE_NOT_VALID, submission.buyer(), ExpectedSigner.individual(record.buyerIin()));
    }

    private Finding judge(String check, Refusal refusal, Submission.Signed signed, ExpectedSigner signer) {
        ValidationRequest request = ValidationRequest.of(signed.signature()).expecting(signer);
        if (!SignedContent.attached(signed.signature())) {
            request = request.withDetachedContent(signed.content());
        }
        ValidationReport report = verification.validate(request);
        String found = report.indication() + report.subIndication().map(s -> "/" + s).orElse("") + ": " + report.message();
        Map<String, String> facts = Map.of("indication", report.indication().name(), "subIndication", report.subIndication().map(Enum::name).orElse(""));
        if (report.passed()) {
            return Finding.passed(check, found, null).withFacts(facts);
        }
        // Only "try later" (the CA's OCSP and CRL did not answer) is an outage; REVOKED_NO_POE and the like are answers.
        if (report.indication() == Indication.INDETERMINATE && report.subIndication().orElse(null) == SubIndication.TRY_LATER) {
            return Finding.waiting(check, "the signature could not be checked now: " + found, java.util.Optional.empty(), null).withFacts(facts);
        }
        return Finding.refused(check, refusal, found, null).withFacts(facts);
    }
}
