package kz.tirkeu.notification;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the dispatcher in the background: again at once while it finds full batches, otherwise every
 * poll interval. On shutdown it finishes the batch in hand (whatever it cannot finish, its lease returns
 * to the other servers). Off with {@code tirkeu.notification.dispatcher.enabled=false}. Public, with a
 * thread name, for the partner area's webhook dispatcher, which is the same durable queue loop.
 */
@Component
public class DispatcherSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherSchedule.class);

    private final String name;
    private final IntSupplier dispatchDue;
    private final NotificationProperties.Dispatcher settings;
    private volatile CountDownLatch stop;
    private volatile Thread worker;

    @Autowired
    DispatcherSchedule(NotificationDispatcher dispatcher, NotificationProperties properties) {
        this(dispatcher::dispatchDue, properties.dispatcher());
    }

    /** @param dispatchDue sends one batch and says how many deliveries it claimed */
    DispatcherSchedule(IntSupplier dispatchDue, NotificationProperties.Dispatcher settings) {
        this("notification-dispatcher", dispatchDue, settings);
    }

    /** @param name the background thread's name, in logs and thread dumps */
    public DispatcherSchedule(String name, IntSupplier dispatchDue, NotificationProperties.Dispatcher settings) {
        this.name = name;
        this.dispatchDue = dispatchDue;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || worker != null) {
            return;
        }
        stop = new CountDownLatch(1);
        worker = Thread.ofPlatform().name(name).daemon().start(this::run);
        log.info("{} polling every {}", name, settings.pollInterval());
    }

    private void run() {
        CountDownLatch stopped = stop;
        while (stopped.getCount() > 0) {
            boolean fullBatch = false;
            try {
                fullBatch = dispatchDue.getAsInt() >= settings.batchSize();
            } catch (RuntimeException e) {
                // The database may be briefly unreachable; the next poll tries again.
                log.warn("{}: dispatch failed; trying again in {}", name, settings.pollInterval(), e);
            }
            if (!fullBatch) {
                try {
                    stopped.await(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        Thread running = worker;
        if (running == null) {
            return;
        }
        stop.countDown();
        try {
            running.join(settings.lease().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
