package kz.tirkeu.platform;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A component whose work runs in rounds on a {@link BackgroundLoop} while the application runs: started with the
 * application when enabled (tests often drive the rounds themselves), stopped before it shuts down.
 */
public abstract class BackgroundWork implements SmartLifecycle {

    private final boolean enabled;
    private final BackgroundLoop loop;

    protected BackgroundWork(String name, Duration interval, boolean enabled) {
        this.enabled = enabled;
        this.loop = new BackgroundLoop(name, interval, this::round);
    }

    /** One round of the work; a failure is logged by the loop and the next round comes. */
    protected abstract void round();

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
