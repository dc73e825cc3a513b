package kz.tirkeu.identity.session;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.identity.IdentityProperties;
import kz.tirkeu.identity.Role;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.modulith.NamedInterface;

/**
 * Sessions in PostgreSQL, so that any number of server instances can serve them. A request is
 * authenticated with one query that also reads the person's roles in force, so withdrawing a role
 * or restricting a seller takes effect at the next request.
 */
@NamedInterface("sessions")
@Repository
public class Sessions {

    /** last_seen_at is written at most this often: an idle timeout of minutes needs no write per request. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofMinutes(1);

    private final JdbcClient db;
    private final IdentityProperties properties;
    private final Clock clock;

    Sessions(JdbcClient db, IdentityProperties properties, Clock clock) {
        this.db = db;
        this.properties = properties;
        this.clock = clock;
    }

    /** Opens a session with a fresh random token: nothing a client sent before sign-in is ever adopted (no fixation). */
    public SessionToken open(SessionOwner owner, SessionKind kind) {
        return open(owner, kind, Optional.empty());
    }

    /**
     * A session opened through a partner system ({@code partnerClient}, its client id): usable only together with that
     * partner's access token ({@link #authenticate(String, Optional)}), never on its own, and a partner can use no other.
     */
    public SessionToken open(SessionOwner owner, SessionKind kind, Optional<String> partnerClient) {
        Instant now = clock.instant();
        Duration lifetime = kind == SessionKind.COOKIE ? properties.browserSessionLifetime() : properties.apiTokenLifetime();
        Duration idle = kind == SessionKind.COOKIE ? properties.browserIdleTimeout() : properties.apiTokenLifetime();
        String token = SessionToken.newValue();
        db.sql("""
                        insert into session (id, token_hash, kind, iin, bin, person_name, certificate_kind, certificate_roles,
                                             sign_in_attempt_id, created_at, last_seen_at, idle_timeout_seconds, expires_at, partner_client_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), SessionToken.hash(token), kind.name(), owner.iin().value(),
                        owner.bin().map(Bin::value).orElse(null), owner.name(), owner.certificateKind().name(),
                        owner.certificateRoles().stream().map(Enum::name).toArray(String[]::new),
                        owner.signInAttemptId(), utc(now), utc(now), (int) idle.toSeconds(), utc(now.plus(lifetime)), partnerClient.orElse(null))
                .update();
        return new SessionToken(token, now.plus(lifetime));
    }

    /** The person behind a token, if the session is open, not idle too long and not expired, and was opened on the platform itself. */
    public Optional<SignedInPerson> authenticate(String token) {
        return authenticate(token, Optional.empty());
    }

    /**
     * The same, for a request that comes through {@code partnerClient} (or through none): a session counts only on the
     * channel it was opened on, so a partner cannot act for someone who did not sign in through it, and a session
     * opened through a partner is no use without the partner's own credentials.
     */
    public Optional<SignedInPerson> authenticate(String token, Optional<String> partnerClient) {
        Instant now = clock.instant();
        Optional<Row> row = db.sql("""
                        select s.id, s.iin, s.bin, s.person_name, s.certificate_kind, s.certificate_roles, s.last_seen_at,
                               coalesce((select array_agg(g.role || ':' || g.scope) from role_grant g
                                          where g.iin = s.iin and g.withdrawn_at is null), '{}') as grants,
                               seller_may_act(s.bin, s.iin, s.certificate_roles) as may_sell
                          from session s
                         where s.token_hash = ? and s.ended_at is null and s.expires_at > ?
                           and s.last_seen_at + make_interval(secs => s.idle_timeout_seconds) > ?
                           and s.partner_client_id is not distinct from ?""")
                .params(SessionToken.hash(token), utc(now), utc(now), partnerClient.orElse(null))
                .query(Sessions::row)
                .optional();
        row.filter(r -> r.lastSeenAt().plus(TOUCH_GRANULARITY).isBefore(now))
                .ifPresent(r -> db.sql("update session set last_seen_at = ? where id = ?").params(utc(now), r.id()).update());
        return row.map(Sessions::person);
    }

    public void end(UUID sessionId, String reason) {
        db.sql("update session set ended_at = ?, end_reason = ? where id = ? and ended_at is null")
                .params(utc(clock.instant()), reason, sessionId)
                .update();
    }

    /** Logout everywhere: every open session of the person, on every device and instance. Returns how many ended. */
    public int endAll(Iin iin, String reason) {
        return db.sql("update session set ended_at = ?, end_reason = ? where iin = ? and ended_at is null")
                .params(utc(clock.instant()), reason, iin.value())
                .update();
    }

    private static SignedInPerson person(Row row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Map<Role, Set<String>> scopes = new EnumMap<>(Role.class);
        if (row.certificateKind() == SubjectKind.INDIVIDUAL) {
            roles.add(Role.BUYER);
        }
        if (row.certificateKind() == SubjectKind.LEGAL_ENTITY_EMPLOYEE && row.bin().isPresent() && row.maySell()) {
            roles.add(Role.SELLER);
            scopes.put(Role.SELLER, Set.of(row.bin().get().value()));
        }
        for (String grant : row.grants()) {
            int colon = grant.indexOf(':');
            Role role = Role.valueOf(grant.substring(0, colon));
            roles.add(role);
            String scope = grant.substring(colon + 1);
            if (!scope.isEmpty()) {
                scopes.computeIfAbsent(role, r -> new HashSet<>()).add(scope);
            }
        }
        return new SignedInPerson(row.id(), row.iin(), row.bin(), row.name(), roles, scopes, row.certificateRoles());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Array grants = rs.getArray("grants");
        Set<KzRole> certificateRoles = EnumSet.noneOf(KzRole.class);
        Arrays.stream((String[]) rs.getArray("certificate_roles").getArray()).map(KzRole::valueOf).forEach(certificateRoles::add);
        return new Row(rs.getObject("id", UUID.class), new Iin(rs.getString("iin")),
                Optional.ofNullable(rs.getString("bin")).map(Bin::new), rs.getString("person_name"),
                SubjectKind.valueOf(rs.getString("certificate_kind")),
                rs.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                Arrays.asList((String[]) grants.getArray()), rs.getBoolean("may_sell"), certificateRoles);
    }

    private record Row(UUID id, Iin iin, Optional<Bin> bin, String name, SubjectKind certificateKind, Instant lastSeenAt,
                       java.util.List<String> grants, boolean maySell, Set<KzRole> certificateRoles) {}

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
