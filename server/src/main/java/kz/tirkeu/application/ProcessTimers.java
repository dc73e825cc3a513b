package kz.tirkeu.application;

import kz.tirkeu.platform.BackgroundWork;
import org.springframework.stereotype.Component;

/**
 * The process's background work: asks waiting state systems again when due, expires applications
 * whose buyer did not answer in time, and takes the registration decisions (S19) that are due. Both read their work from PostgreSQL, so it survives restarts
 * and is shared by all servers. Off with {@code tirkeu.application.timers.enabled=false} (tests drive
 * {@link ProcessTimers#tick()} themselves).
 */
@Component
class ProcessTimers extends BackgroundWork {

    private final ApplicationProcess process;
    private final RetryQueue retries;
    private final RegistrationDecision decision;
    private final boolean decideInBackground;

    ProcessTimers(ApplicationProcess process, RetryQueue retries, RegistrationDecision decision,
                  ApplicationProperties application, RegistrationProperties registration) {
        super("application-timers", application.timers().interval(), application.timers().enabled());
        this.process = process;
        this.retries = retries;
        this.decision = decision;
        this.decideInBackground = registration.decideInBackground();
    }

    @Override
    protected int round() {
        return tick();
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

}
