package kz.tirkeu.identity.signin;

import java.sql.Array;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.cert.SubjectKind;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.identity.Iin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-ins waiting for their second factor. */
@Repository
class SignInAttempts {

    private final JdbcClient db;

    SignInAttempts(JdbcClient db) {
        this.db = db;
    }

    void add(Attempt attempt, UUID challengeId, String certificateSerial) {
        db.sql("""
                        insert into sign_in_attempt (id, challenge_id, iin, bin, person_name, certificate_kind, certificate_roles,
                                                     certificate_serial, second_factor, code_hash, code_sent_to, code_expires_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)""")
                .params(attempt.id(), challengeId, attempt.iin().value(), attempt.bin().map(Bin::value).orElse(null),
                        attempt.name(), attempt.certificateKind().name(),
                        attempt.certificateRoles().stream().map(Enum::name).toArray(String[]::new),
                        certificateSerial, attempt.secondFactor().name(), attempt.codeHash(), attempt.sentTo(),
                        SignInChallenges.utc(attempt.codeExpiresAt()), SignInChallenges.utc(attempt.createdAt()))
                .update();
    }

    /** Locks the attempt's row for the rest of the transaction: two code submissions are judged one after the other. */
    Optional<Attempt> lock(UUID id) {
        return db.sql("select * from sign_in_attempt where id = ? for update")
                .param(id)
                .query((rs, n) -> {
                    Array roles = rs.getArray("certificate_roles");
                    Set<KzRole> kzRoles = EnumSet.noneOf(KzRole.class);
                    Arrays.stream((String[]) roles.getArray()).map(KzRole::valueOf).forEach(kzRoles::add);
                    OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
                    return new Attempt(rs.getObject("id", UUID.class), new Iin(rs.getString("iin")),
                            Optional.ofNullable(rs.getString("bin")).map(Bin::new), rs.getString("person_name"),
                            SubjectKind.valueOf(rs.getString("certificate_kind")), kzRoles,
                            SecondFactor.valueOf(rs.getString("second_factor")), rs.getBytes("code_hash"), rs.getString("code_sent_to"),
                            rs.getObject("code_expires_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            completed == null ? null : completed.toInstant());
                })
                .optional();
    }

    void complete(UUID id, Instant at) {
        db.sql("update sign_in_attempt set completed_at = ? where id = ?").params(SignInChallenges.utc(at), id).update();
    }

    record Attempt(UUID id, Iin iin, Optional<Bin> bin, String name, SubjectKind certificateKind, Set<KzRole> certificateRoles,
                   SecondFactor secondFactor, byte[] codeHash, String sentTo, Instant codeExpiresAt, Instant createdAt, Instant completedAt) {}
}
