package kz.tirkeu.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one way to work through a durable queue in the background: a daemon thread runs a round, and runs
 * the next one at once while rounds come back with full batches (a backlog drains at the database's pace), otherwise
 * after the interval. A round that fails is logged and the next one comes: the work itself lives in PostgreSQL,
 * claimed with leases ({@code for update skip locked}), so nothing is lost and any number of servers may run the same
 * loop side by side. Issue [10] scales every queue here, in one place.
 *
 * <p>Why not a scheduling library such as db-scheduler: its task table would duplicate the queues, which are the
 * domain's own records (deliveries, production orders, police cases, webhook deliveries) with the states and history
 * the pages show; what is left for a library — poll, claim, repeat while full, stop cleanly — is this class.
 */
public final class BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    /** One round of work; says how many items it took on. */
    @FunctionalInterface
    public interface Round {
        int run();
    }

    private final String name;
    private final Duration interval;
    private final int fullBatch;
    private final Duration stopWithin;
    private final Round round;
    private CountDownLatch stop;
    private Thread thread;

    /**
     * @param name       the thread's name, in logs and thread dumps
     * @param fullBatch  a round that took on this many items is followed at once by the next
     * @param stopWithin how long {@link #stop()} lets the round in hand finish (leases outlast it)
     */
    public BackgroundLoop(String name, Duration interval, int fullBatch, Duration stopWithin, Round round) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException(name + ": the interval must be positive, not " + interval);
        }
        this.name = name;
        this.interval = interval;
        this.fullBatch = fullBatch;
        this.stopWithin = stopWithin;
        this.round = round;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stop = stopped;
        thread = Thread.ofPlatform().name(name).daemon().start(() -> run(stopped));
        log.info("{} runs every {}", name, interval);
    }

    private void run(CountDownLatch stopped) {
        while (stopped.getCount() > 0) {
            boolean full = false;
            try {
                full = round.run() >= fullBatch;
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the next round tries again.
                log.warn("{}: {}; trying again in {}", name, e.getMessage(), interval, e);
            }
            if (!full) {
                try {
                    if (stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Lets the round in progress finish (up to {@code stopWithin}), then ends the thread. */
    public synchronized void stop() {
        if (thread != null) {
            stop.countDown();
            try {
                thread.join(stopWithin.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public synchronized boolean running() {
        return thread != null;
    }
}
