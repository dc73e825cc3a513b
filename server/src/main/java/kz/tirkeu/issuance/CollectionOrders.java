package kz.tirkeu.issuance;

/**
 * Hands a registered vehicle's documents to production (G6): the certificate to the print centre's
 * queue, the plates to the plate maker, both delivered to the chosen PSC, where the buyer collects
 * them (P7–P10). Progress is announced as {@link IssuanceEvent}s.
 */
public interface CollectionOrders {

    /** Starts production for this application; a second call for the same application changes nothing. */
    void expect(CollectionOrder order);
}
