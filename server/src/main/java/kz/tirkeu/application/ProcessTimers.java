package kz.tirkeu.application;

import java.time.Duration;
import kz.tirkeu.platform.BackgroundLoop;
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

    private final ApplicationProcess process;
    private final RetryQueue retries;
    private final RegistrationDecision decision;
    private final boolean enabled;
    private final boolean decideInBackground;
    private final BackgroundLoop loop;

    ProcessTimers(ApplicationProcess process, RetryQueue retries, RegistrationDecision decision,
                  @Value("${tirkeu.application.timers.enabled:true}") boolean enabled,
                  @Value("${tirkeu.registration.decide-in-background:true}") boolean decideInBackground,
                  @Value("${tirkeu.application.timers.interval:1s}") Duration interval) {
        this.process = process;
        this.retries = retries;
        this.decision = decision;
        this.enabled = enabled;
        this.decideInBackground = decideInBackground;
        this.loop = new BackgroundLoop("application-timers", interval, this::tick);
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
