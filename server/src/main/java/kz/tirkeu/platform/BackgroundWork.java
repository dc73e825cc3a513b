package kz.tirkeu.platform;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A component whose work runs in rounds on a {@link BackgroundLoop} while the application runs: started with the
 * application when enabled (tests often drive the rounds themselves), stopped before it shuts down. Every background
 * queue of the platform is one of these.
 */
public abstract class BackgroundWork implements SmartLifecycle {

    /** How long stopping waits for a round in hand by default: within the shutdown phase's 20 s. */
    protected static final Duration STOP_WITHIN = Duration.ofSeconds(10);

    private final boolean enabled;
    private final BackgroundLoop loop;

    /** Rounds every interval, however much each one found. */
    protected BackgroundWork(String name, Duration interval, boolean enabled) {
        this(name, interval, enabled, Integer.MAX_VALUE, STOP_WITHIN);
    }

    /**
     * @param batchSize  what a round claims at most: a round that claimed this many is followed at once by the next
     * @param stopWithin how long stopping lets the round in hand finish; its leases return the rest to other servers
     */
    protected BackgroundWork(String name, Duration interval, boolean enabled, int batchSize, Duration stopWithin) {
        this.enabled = enabled;
        this.loop = new BackgroundLoop(name, interval, batchSize, stopWithin, this::round);
    }

    /** One round of the work; says how many items it took on. A failure is logged by the loop and the next round comes. */
    protected abstract int round();

    @Override
    public void start() {
        if (enabled) {
            loop.start();
        }
    }

    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return loop.running();
    }
}
