package kz.tirkeu.issuance.production;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kz.tirkeu.issuance.CollectionRecord;
import kz.tirkeu.issuance.CollectionTable;
import kz.tirkeu.issuance.IssuanceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Follows the orders in production in the background: every interval it claims the due ones and looks
 * at each. The work is in PostgreSQL, so it survives restarts and is shared by all servers. Off with
 * {@code tirkeu.issuance.worker.enabled=false}; tests may call {@link #tick()} themselves.
 */
@Component
public class ProductionWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProductionWorker.class);

    private final ProductionQueue queue;
    private final CollectionTable table;
    private final ProductionProgress progress;
    private final IssuanceProperties.Worker settings;
    private volatile CountDownLatch stop;
    private volatile Thread worker;

    ProductionWorker(ProductionQueue queue, CollectionTable table, ProductionProgress progress, IssuanceProperties properties) {
        this.queue = queue;
        this.table = table;
        this.progress = progress;
        this.settings = properties.worker();
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

    @Override
    public synchronized void start() {
        if (!settings.enabled() || worker != null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stop = stopped;
        worker = Thread.ofPlatform().name("issuance-production").daemon().start(() -> {
            while (stopped.getCount() > 0) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    log.warn("Issuance production worker: {}", e.getMessage(), e);
                }
                try {
                    if (stopped.await(settings.interval().toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            stop.countDown();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
