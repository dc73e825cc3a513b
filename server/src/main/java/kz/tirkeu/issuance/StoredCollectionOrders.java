package kz.tirkeu.issuance;

import org.springframework.stereotype.Service;

/**
 * {@link CollectionOrders} as a row in {@code collection_order}: the production worker takes it from
 * there (submits the print job and the plate order, then follows them), so nothing is lost when the
 * print centre or the plate maker is down at the moment of the registration decision.
 */
@Service
class StoredCollectionOrders implements CollectionOrders {

    private final CollectionTable table;

    StoredCollectionOrders(CollectionTable table) {
        this.table = table;
    }

    @Override
    public void expect(CollectionOrder order) {
        require(order.applicationNumber(), "applicationNumber");
        require(order.pscCode(), "pscCode");
        require(order.plateNumber(), "plateNumber");
        require(order.plateType(), "plateType");
        require(order.certificateNumber(), "certificateNumber");
        require(order.vin(), "vin");
        require(order.ownerName(), "ownerName");
        if (order.owner() == null) {
            throw new IllegalArgumentException("A collection order names its owner's IIN.");
        }
        table.insert(order);
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A collection order needs " + field + ".");
        }
    }
}
