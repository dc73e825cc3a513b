package kz.tirkeu.identity.access;

import kz.tirkeu.platform.CannotServe;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import kz.tirkeu.identity.Role;
import kz.tirkeu.pki.identity.Iin;
import kz.tirkeu.statesystems.Answer;
import kz.tirkeu.statesystems.ServiceCentres;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Staff roles granted and withdrawn by an administrator. Nothing is deleted: each row records the
 * grant and, later, its withdrawal, with who did it and why.
 */
@Repository
public class RoleGrants {

    private static final Pattern REGION = Pattern.compile("(0[1-9]|1\\d|20)");
    private static final Pattern PSC_CODE = Pattern.compile("[A-Z0-9-]{2,32}");

    private final JdbcClient db;
    private final Clock clock;
    private final ServiceCentres centres;

    RoleGrants(JdbcClient db, Clock clock, ServiceCentres centres) {
        this.db = db;
        this.clock = clock;
        this.centres = centres;
    }

    /**
     * A grant an administrator makes (the API and the staff page): nobody grants a role to themselves — so an
     * administrator's own operational role always takes a second administrator — and a PSC operator's centre must be
     * one the ЦОН catalogue knows. The installation's bootstrap grants come from configuration and skip these checks.
     */
    public RoleGrant grantByAdministrator(Iin iin, Role role, String scope, String administratorIin, String reason) {
        if (iin.value().equals(administratorIin)) {
            throw new AccessChangeRefused("SELF_GRANT", CannotServe.Reason.FORBIDDEN,
                    "Nobody grants a role to themselves: another administrator has to.");
        }
        if (role == Role.PSC_OPERATOR) {
            String code = scope == null ? "" : scope.strip().toUpperCase(java.util.Locale.ROOT);
            checkScope(role, code);
            switch (centres.find(code)) {
                case Answer.Found<ServiceCentres.ServiceCentre> found -> { }
                case Answer.NotFound<ServiceCentres.ServiceCentre> none -> throw new AccessChangeRefused("SCOPE_UNKNOWN", CannotServe.Reason.INVALID,
                        "The ЦОН catalogue has no public service centre " + code + ".", code);
                case Answer.Unavailable<ServiceCentres.ServiceCentre> down -> throw new AccessChangeRefused("CATALOGUE_UNAVAILABLE", CannotServe.Reason.UNAVAILABLE,
                        "The ЦОН catalogue does not answer, so the centre cannot be checked now; nothing was granted. Try again in a few minutes.");
            }
        }
        return grant(iin, role, scope, administratorIin, reason);
    }

    public RoleGrant grant(Iin iin, Role role, String scope, String grantedBy, String reason) {
        if (!role.isStaff()) {
            throw new AccessChangeRefused("ROLE_NOT_GRANTABLE", CannotServe.Reason.INVALID,
                    role + " is not granted: it comes from the certificate the person signs in with.", role.name());
        }
        String normalisedScope = scope == null ? "" : scope.strip().toUpperCase(java.util.Locale.ROOT);
        checkScope(role, normalisedScope);
        if (reason == null || reason.isBlank()) {
            throw new AccessChangeRefused("REASON_REQUIRED", CannotServe.Reason.INVALID, "Say why the role is granted (e.g. the order appointing the officer).")
                    .situation("grant");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            db.sql("insert into role_grant (id, iin, role, scope, granted_by, granted_at, reason) values (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, iin.value(), role.name(), normalisedScope, grantedBy, utc(now), reason.strip())
                    .update();
        } catch (DuplicateKeyException e) {
            throw new AccessChangeRefused("ROLE_ALREADY_GRANTED", CannotServe.Reason.CONFLICT,
                    iin + " already holds " + role + (normalisedScope.isEmpty() ? "" : " for " + normalisedScope) + ".", iin.value(),
                    role.name() + (normalisedScope.isEmpty() ? "" : " " + normalisedScope));
        }
        return find(id).orElseThrow();
    }

    public RoleGrant withdraw(UUID grantId, String withdrawnBy, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new AccessChangeRefused("REASON_REQUIRED", CannotServe.Reason.INVALID, "Say why the role is withdrawn.").situation("withdrawal");
        }
        if (find(grantId).filter(grant -> grant.ownAdministrationOf(withdrawnBy)).isPresent()) {
            throw new AccessChangeRefused("OWN_ADMIN_GRANT", CannotServe.Reason.CONFLICT,
                    "An administrator cannot withdraw their own ADMIN role: another administrator has to.");
        }
        int changed = db.sql("update role_grant set withdrawn_by = ?, withdrawn_at = ?, withdrawal_reason = ? where id = ? and withdrawn_at is null")
                .params(withdrawnBy, utc(clock.instant()), reason.strip(), grantId)
                .update();
        RoleGrant grant = find(grantId).orElseThrow(() -> new AccessChangeRefused("GRANT_UNKNOWN", CannotServe.Reason.NOT_FOUND, "No such grant: " + grantId, grantId.toString()));
        if (changed == 0) {
            throw new AccessChangeRefused("GRANT_ALREADY_WITHDRAWN", CannotServe.Reason.CONFLICT, "This grant was already withdrawn at " + grant.withdrawnAt().orElseThrow() + ".",
                    grant.withdrawnAt().orElseThrow().toString());
        }
        return grant;
    }

    /** Every grant, active or withdrawn, newest first; optionally of one person. */
    public List<RoleGrant> history(Optional<Iin> iin) {
        return db.sql("select * from role_grant where (?::text is null or iin = ?) order by granted_at desc")
                .params(iin.map(Iin::value).orElse(null), iin.map(Iin::value).orElse(null))
                .query(RoleGrants::grant)
                .list();
    }

    private Optional<RoleGrant> find(UUID id) {
        return db.sql("select * from role_grant where id = ?").param(id).query(RoleGrants::grant).optional();
    }

    private static RoleGrant grant(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RoleGrant(rs.getObject("id", UUID.class), rs.getString("iin"), Role.valueOf(rs.getString("role")),
                rs.getString("scope"), rs.getString("granted_by"), rs.getObject("granted_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"), Optional.ofNullable(rs.getString("withdrawn_by")),
                Optional.ofNullable(rs.getObject("withdrawn_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant),
                Optional.ofNullable(rs.getString("withdrawal_reason")));
    }

    private static void checkScope(Role role, String scope) {
        if (role == Role.POLICE_OFFICER && !REGION.matcher(scope).matches()) {
            throw new AccessChangeRefused("SCOPE_INVALID", CannotServe.Reason.INVALID,
                    "A police officer is bound to one region: give its two-digit code, 01 to 20.").situation("police");
        }
        if (role == Role.PSC_OPERATOR && !PSC_CODE.matcher(scope).matches()) {
            throw new AccessChangeRefused("SCOPE_INVALID", CannotServe.Reason.INVALID, "A PSC operator is bound to one public service centre: give its code.").situation("psc");
        }
        if (!role.isScoped() && !scope.isEmpty()) {
            throw new AccessChangeRefused("SCOPE_INVALID", CannotServe.Reason.INVALID, role + " has no scope.", role.name()).situation("none");
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
