package kz.tirkeu.issuance.production;

import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.issuance.IssuanceProperties;
import kz.tirkeu.platform.BackgroundWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the orders in production in the background: every interval it claims the due ones and looks
 * at each. The work is in PostgreSQL, so it survives restarts and is shared by all servers. Off with
 * {@code tirkeu.issuance.worker.enabled=false}; tests may call {@link #tick()} themselves.
 */
@Component
public class ProductionWorker extends BackgroundWork {

    private static final Logger log = LoggerFactory.getLogger(ProductionWorker.class);

    private final ProductionQueue queue;
    private final CollectionTable table;
    private final ProductionProgress progress;
    private final IssuanceProperties.Worker settings;

    ProductionWorker(ProductionQueue queue, CollectionTable table, ProductionProgress progress, IssuanceProperties properties) {
        super("issuance-production", properties.worker().interval(), properties.worker().enabled(), properties.worker().batchSize(), STOP_WITHIN);
        this.queue = queue;
        this.table = table;
        this.progress = progress;
        this.settings = properties.worker();
    }

    @Override
    protected int round() {
        return tick();
    }

    /** One round; returns how many orders it looked at. */
    public int tick() {
        var due = queue.claimDue(settings.batchSize());
        for (CollectionRecord record : table.all(due)) {
            try {
                progress.lookAt(record);
            } catch (RuntimeException e) {
                // The claim's lease runs out and the order is looked at again: never lost.
                log.warn("Collection order {}: {}", record.order().applicationNumber(), e.getMessage(), e);
            }
        }
        return due.size();
    }

}
