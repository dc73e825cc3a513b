package kz.tirkeu.pki.revocation;

import java.util.List;

/** OCSP responses and CRLs carried inside a signed document (CMS SignedData, RFC 5940). */
public record EmbeddedRevocationData(List<byte[]> ocspResponses, List<byte[]> crls) {

    public static final EmbeddedRevocationData NONE = new EmbeddedRevocationData(List.of(), List.of());

    public EmbeddedRevocationData {
        ocspResponses = List.copyOf(ocspResponses);
        crls = List.copyOf(crls);
    }
}
