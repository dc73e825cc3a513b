package kz.tirkeu.platform;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A daemon thread that runs a round of background work every interval until stopped. A round that
 * fails is logged and the next one comes: the work itself lives in PostgreSQL (claimed with leases),
 * so nothing is lost and any number of servers may run the same loop side by side.
 */
public final class BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String name;
    private final Duration interval;
    private final Runnable round;
    private CountDownLatch stop;
    private Thread thread;

    public BackgroundLoop(String name, Duration interval, Runnable round) {
        this.name = name;
        this.interval = interval;
        this.round = round;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        stop = stopped;
        thread = Thread.ofPlatform().name(name).daemon().start(() -> {
            while (stopped.getCount() > 0) {
                try {
                    round.run();
                } catch (RuntimeException e) {
                    log.warn("{}: {}", name, e.getMessage(), e);
                }
                try {
                    if (stopped.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
    }

    /** Lets the round in progress finish (up to ten seconds), then ends the thread. */
    public synchronized void stop() {
        if (thread != null) {
            stop.countDown();
            try {
                thread.join(10_000);
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
