package kz.tirkeu.issuance;

import java.time.Instant;
import java.util.List;

/**
 * What happens to a registered vehicle's documents, published (Spring application events, inside the
 * transaction that records them) so that the application's action log and the vehicle register can
 * record it too.
 */
public sealed interface IssuanceEvent {

    String applicationNumber();

    Instant at();

    /** P7: the certificate and the plates are both at the PSC; the buyer has been told. */
    record DocumentsReady(String applicationNumber, Instant at, String pscCode) implements IssuanceEvent {}

    /** P8: reception checked the buyer's identity and issued an electronic queue ticket. */
    record QueueTicketIssued(String applicationNumber, Instant at, String pscCode, String ticket, String operatorIin,
                             String identityCheckedBy) implements IssuanceEvent {}

    /** P9–P10: identity checked again, the certificate and plates handed over. */
    record DocumentsHandedOver(String applicationNumber, Instant at, String pscCode, String operatorIin, List<String> plateSerials,
                               String certificateBlankNumber) implements IssuanceEvent {}
}
