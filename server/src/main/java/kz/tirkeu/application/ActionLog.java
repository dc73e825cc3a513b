package kz.tirkeu.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import kz.tirkeu.application.checks.CheckResult;
import kz.tirkeu.platform.PartnerChannel;
import kz.tirkeu.statesystems.Evidence;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only log of an application, its source of truth (ARCHITECTURE.md §3). The status is
 * the latest entry's; appending also sets the application row's status, in the caller's transaction
 * (which holds the row's lock), so the two never disagree.
 */
@Repository
public class ActionLog {

    private final JdbcClient db;
    private final Applications applications;
    private final JsonMapper json = JsonMapper.builder().build();

    private final ApplicationEventPublisher events;

    ActionLog(JdbcClient db, Applications applications, ApplicationEventPublisher events) {
        this.db = db;
        this.applications = applications;
        this.events = events;
    }

    /**
     * Appends an entry; a person's act through a partner system ({@link PartnerChannel}) names the system. The entry must
     * be one the published {@link ProcessDefinition} allows from the application's status, or it is refused with a
     * {@link ProcessDefinition.ProcessViolation} and the caller's transaction (which every append needs) rolls back.
     * Then {@link ApplicationActionAppended} is published in the same transaction.
     */
    void append(UUID applicationId, Instant at, Action.Actor actor, String actorIin, Step step, ApplicationStatus status, Act act, Evidence evidence) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an action is appended in the transaction that holds the application's lock");
        }
        Optional<String> viaPartner = actorIin == null ? Optional.empty() : PartnerChannel.current();
        // The application row still holds the status before this entry: the statement reads it before setStatus below.
        Appended appended = db.sql("""
                        insert into application_action (application_id, seq, at, actor, actor_iin, action, step, status, detail, evidence, via_partner)
                        values (?, coalesce((select max(seq) from application_action where application_id = ?), 0) + 1,
                                ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)
                        returning seq, (select a.number from application a where a.id = application_id) as number,
                                  (select a.status from application a where a.id = application_id) as previous""")
                .params(applicationId, applicationId, Applications.utc(at), actor.name(), actorIin, act.kind().name(),
                        step == null ? null : step.name(), status.name(), Acts.canonicalText(act),
                        evidence == null ? null : json.writeValueAsString(evidence), viaPartner.orElse(null))
                .query((rs, n) -> new Appended(rs.getInt("seq"), rs.getString("number"), ApplicationStatus.valueOf(rs.getString("previous"))))
                .single();
        ApplicationStatus previous = appended.seq() == 1 ? null : appended.previous();
        if (!ProcessDefinition.allows(previous, act.kind(), status)) {
            throw new ProcessDefinition.ProcessViolation(previous, act.kind(), status, appended.seq());
        }
        applications.setStatus(applicationId, status, at);
        events.publishEvent(new ApplicationActionAppended(applicationId, appended.number(), appended.seq(), at, actor, act,
                Optional.ofNullable(step), appended.previous(), status, viaPartner));
    }

    /**
     * A round of checks, all at one instant and under one round id, in step order: one entry a check, each leaving the
     * status at {@code during} but the last, which carries the round's {@code outcome}.
     */
    void appendRound(UUID applicationId, Instant at, Phase phase, List<CheckResult> ordered, Set<Refusal> waived, ApplicationStatus during,
                     ApplicationStatus outcome) {
        UUID round = UUID.randomUUID();
        for (CheckResult result : ordered) {
            ApplicationStatus after = result == ordered.getLast() ? outcome : during;
            append(applicationId, at, Action.Actor.PLATFORM, null, result.step(), after, Acts.ofCheck(result, round, phase, waived),
                    result.evidence().orElse(null));
        }
    }

    private record Appended(int seq, String number, ApplicationStatus previous) {}

    /** The logs of several applications in one query (for lists: no query per application). */
    public Map<UUID, List<Action>> of(java.util.Collection<UUID> applicationIds) {
        Map<UUID, List<Action>> logs = new java.util.HashMap<>();
        if (applicationIds.isEmpty()) {
            return logs;
        }
        db.sql("select * from application_action where application_id = any (?) order by application_id, seq")
                .param(applicationIds.toArray(UUID[]::new))
                .query((rs, n) -> Map.entry(rs.getObject("application_id", UUID.class), row(rs, n)))
                .list()
                .forEach(entry -> logs.computeIfAbsent(entry.getKey(), id -> new java.util.ArrayList<>()).add(entry.getValue()));
        return logs;
    }

    public List<Action> of(UUID applicationId) {
        return db.sql("select * from application_action where application_id = ? order by seq").param(applicationId).query(this::row).list();
    }

    /** The status the log says: its latest entry's (the row's copy must agree). */
    public ApplicationStatus derivedStatus(UUID applicationId) {
        return db.sql("select status from application_action where application_id = ? order by seq desc limit 1").param(applicationId)
                .query(String.class).optional().map(ApplicationStatus::valueOf).orElseThrow();
    }

    private Action row(ResultSet rs, int n) throws SQLException {
        String evidence = rs.getString("evidence");
        String step = rs.getString("step");
        return new Action(rs.getInt("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(), Action.Actor.valueOf(rs.getString("actor")),
                Optional.ofNullable(rs.getString("actor_iin")), Optional.ofNullable(step).map(Step::valueOf),
                ApplicationStatus.valueOf(rs.getString("status")), Acts.read(Action.Kind.valueOf(rs.getString("action")), rs.getString("detail")),
                Optional.ofNullable(evidence).map(e -> json.readValue(e, Evidence.class)), Optional.ofNullable(rs.getString("via_partner")));
    }
}
