package kz.tirkeu.application;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The process's background work: asks waiting state systems again when due, expires applications
 * whose buyer did not answer in time, and takes the registration decisions (S19) that are due. Both read their work from PostgreSQL, so it survives restarts
 * and is shared by all servers. Off with {@code tirkeu.application.timers.enabled=false} (tests drive
 * {@link ProcessTimers#tick()} themselves).
 */
@Component
class ProcessTimers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessTimers.class);

    private final ApplicationProcess process;
    private final RetryQueue retries;
    private final RegistrationDecision decision;
    private final boolean enabled;
    private final boolean decideInBackground;
    private final Duration interval;
    private volatile CountDownLatch stop;
    private volatile Thread worker;

    ProcessTimers(ApplicationProcess process, RetryQueue retries, RegistrationDecision decision,
                  @Value("${tirkeu.application.timers.enabled:true}") boolean enabled,
                  @Value("${tirkeu.registration.decide-in-background:true}") boolean decideInBackground,
                  @Value("${tirkeu.application.timers.interval:1s}") Duration interval) {
        this.process = process;
        this.retries = retries;
        this.decision = decision;
        this.enabled = enabled;
        this.decideInBackground = decideInBackground;
        this.interval = interval;
    }

    /** One round: the due retries, the overdue buyers, the due registration decisions. Returns how many applications it moved. */
    int tick() {
        int moved = 0;
        for (RetryQueue.Due due : retries.claimDue(20)) {
            process.runPhase(due.applicationId(), due.phase());
            moved++;
        }
        return moved + process.expireOverdue() + (decideInBackground ? decision.decideDue() : 0);
    }

    @Override
    public synchronized void start() {
        if (!enabled || worker != null) {
            return;
        }
        stop = new CountDownLatch(1);
        worker = Thread.ofPlatform().name("application-timers").daemon().start(() -> {
            while (stop.getCount() > 0) {
                try {
                    tick();
                } catch (RuntimeException e) {
                    log.warn("Application timers: {}", e.getMessage(), e);
                }
                try {
                    if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
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
