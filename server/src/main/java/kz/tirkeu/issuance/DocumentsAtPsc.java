package kz.tirkeu.issuance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Where a registered car's documents wait for their owner, as the owner's own page tells it (P8–P10). */
@Service
public class DocumentsAtPsc {

    /**
     * @param collectBy    the end of the collection period, once the documents are at the PSC
     * @param queueTicket  the ticket of the owner's visit, once one was issued
     * @param handedOverAt when the owner took the documents
     */
    public record Collection(String pscCode, Optional<Instant> collectBy, Optional<String> queueTicket, Optional<Instant> handedOverAt) {}

    private final CollectionTable table;
    private final IssuanceProperties properties;

    DocumentsAtPsc(CollectionTable table, IssuanceProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    public Optional<Collection> of(String applicationNumber) {
        return table.find(applicationNumber).map(record -> new Collection(record.order().pscCode(),
                record.readyAt().map(ready -> ready.plus(Duration.ofDays(properties.collectionDays()))), record.queueTicket(), record.handedOverAt()));
    }
}
