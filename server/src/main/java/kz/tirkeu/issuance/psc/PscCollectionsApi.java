package kz.tirkeu.issuance.psc;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.identity.web.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Chapter 2 at the PSC (P7–P10) for its operators: what is expected, reception, handover. */
@RestController
class PscCollectionsApi {

    private final PscCollections collections;

    PscCollectionsApi(PscCollections collections) {
        this.collections = collections;
    }

    @GetMapping("/api/v1/psc/{pscCode}/collections")
    @Allowed(Role.PSC_OPERATOR)
    @Operation(summary = "The documents this PSC expects (P7)",
            description = "Each application's certificate (AWAITING_SUBMISSION → QUEUED → PRINTED → DELIVERED_TO_PSC) and plates "
                    + "(AWAITING_SUBMISSION → ORDERED → MADE → AT_PSC), whether they are ready, and whether they are overdue (not collected within "
                    + "tirkeu.issuance.collection-days of being ready). Only the operator's own PSC (403 NOT_YOUR_PSC otherwise).")
    List<CollectionView> expected(SignedInPerson operator, @PathVariable String pscCode,
                                  @Parameter(description = "IN_PRODUCTION, READY or HANDED_OVER") @RequestParam(required = false) String status,
                                  @Parameter(description = "true: only the overdue ones; false: only those not overdue") @RequestParam(required = false) Boolean overdue) {
        return collections.expected(operator, pscCode, status, overdue);
    }

    @GetMapping("/api/v1/psc/{pscCode}/collections/{applicationNumber}")
    @Allowed(Role.PSC_OPERATOR)
    @Operation(summary = "One application's documents at this PSC, by the application number the buyer shows (P9)")
    CollectionView collection(SignedInPerson operator, @PathVariable String pscCode, @PathVariable String applicationNumber) {
        return collections.find(operator, pscCode, applicationNumber);
    }

    @PostMapping("/api/v1/psc/{pscCode}/reception")
    @Allowed(Role.PSC_OPERATOR)
    @Operation(summary = "Reception (P8): check the buyer's identity and issue an electronic queue ticket",
            description = "Body: {iin, documentNumber} (the IIN printed on the identity document and its number, checked against ГБД ФЛ, "
                    + "valid today) or {shareCode} (a digital documents code, which names the person). The ticket covers every application of "
                    + "that person whose documents wait at this PSC (collections); with applicationNumber only that one (iin may then be left "
                    + "out). The ticket (R-001, …) is numbered per PSC per day; the same person again on the same day gets the same ticket. "
                    + "404 NOTHING_TO_COLLECT, 409 DOCUMENTS_NOT_READY, 409 ALREADY_HANDED_OVER, 400 IIN_MISSING / IIN_INVALID, "
                    + "422 when the identity does not match, 503 IDENTITY_CHECK_UNAVAILABLE when ГБД ФЛ or the service does not answer (try again).")
    PscCollections.Reception reception(SignedInPerson operator, @PathVariable String pscCode, @RequestBody ReceptionRequest body) {
        return collections.receive(operator, pscCode, body.applicationNumber(), new BuyerIdentity.Proof(body.iin(), body.documentNumber(), body.shareCode()));
    }

    @PostMapping("/api/v1/psc/{pscCode}/collections/{applicationNumber}/handover")
    @Allowed(Role.PSC_OPERATOR)
    @Operation(summary = "Handover (P9–P10): identity again, then the plates and the certificate card given to the buyer",
            description = "Body: {documentNumber | shareCode, plateSerials: [front, rear], certificateBlankNumber}. The serials and the card's "
                    + "number must be those production reported (422 PLATE_SERIALS_MISMATCH, CERTIFICATE_BLANK_MISMATCH). 409 DOCUMENTS_NOT_READY "
                    + "before both are at the PSC; 409 ALREADY_HANDED_OVER the second time.")
    CollectionView handover(SignedInPerson operator, @PathVariable String pscCode, @PathVariable String applicationNumber, @RequestBody HandoverRequest body) {
        return collections.handOver(operator, pscCode, applicationNumber,
                new BuyerIdentity.Proof(null, body.documentNumber(), body.shareCode()), body.plateSerials(), body.certificateBlankNumber());
    }

    record ReceptionRequest(String applicationNumber, String iin, String documentNumber, String shareCode) {}

    record HandoverRequest(String documentNumber, String shareCode, List<String> plateSerials, String certificateBlankNumber) {}
}
