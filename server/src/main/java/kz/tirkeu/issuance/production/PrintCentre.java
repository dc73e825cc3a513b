package kz.tirkeu.issuance.production;

import java.util.Map;

/** The MVD print centre (ИПЦ, G6): prints the registration certificate on a card blank and delivers it to the PSC. */
public interface PrintCentre {

    /** Queues the certificate for printing; the same certificate number again is the same job. */
    ExternalReply<PrintJob> submit(String certificateNumber, String pscCode, Map<String, String> data);

    ExternalReply<PrintJob> status(String jobId);

    /** @param status QUEUED, PRINTED or DELIVERED_TO_PSC; blankNumber once printed */
    record PrintJob(String jobId, String certificateNumber, String status, String blankNumber) {}
}
