package kz.tirkeu.application;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An entry was appended to an application's action log (published synchronously, inside the transaction that appends
 * it, so a listener's own writes commit or roll back with the entry). For areas that follow applications from outside,
 * e.g. partner systems' webhooks.
 *
 * @param act            what was done, with its facts (its canonical form: {@link Acts#canonical})
 * @param previousStatus the application's status before this entry
 * @param viaPartner     the partner system the acting person came through, if the entry is a person's act through one
 */
public record ApplicationActionAppended(UUID applicationId, String applicationNumber, int seq, Instant at, Action.Actor actor,
                                        Act act, Optional<Step> step, ApplicationStatus previousStatus, ApplicationStatus status,
                                        Optional<String> viaPartner) {

    public Action.Kind kind() {
        return act.kind();
    }

    /** Whether the entry changed what the application's status says (its first entry always does). */
    public boolean changesStatus() {
        return kind() == Action.Kind.STARTED || previousStatus != status;
    }
}
