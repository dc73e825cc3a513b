package kz.tirkeu.regime;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The register of regimes in PostgreSQL: regimes, their versions and their decisions, append-only (the
 * tables' triggers refuse any change). Every start of an application reads it, so the whole register is kept
 * in memory and read again only when the number of decisions has changed — on any server of the cluster.
 */
@Repository
class RegimeRegister {

    private final JdbcClient db;
    private final JsonMapper json;
    private volatile Snapshot snapshot = new Snapshot(-1, Map.of());

    RegimeRegister(JdbcClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    private record Snapshot(long stamp, Map<String, Regime> regimes) {}

    /** Every regime, in the order they were created. */
    List<Regime> all() {
        return List.copyOf(current().values());
    }

    Optional<Regime> find(String code) {
        return Optional.ofNullable(current().get(code));
    }

    private Map<String, Regime> current() {
        long stamp = db.sql("select count(*) + (select count(*) from regime) * 1000000 from regime_decision").query(Long.class).single();
        Snapshot seen = snapshot;
        if (seen.stamp() == stamp) {
            return seen.regimes();
        }
        Map<String, Regime> loaded = load();
        snapshot = new Snapshot(stamp, loaded);
        return loaded;
    }

    private Map<String, Regime> load() {
        Map<String, Boolean> regimes = new LinkedHashMap<>();
        db.sql("select code, sandbox from regime order by created_at, code")
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getBoolean("sandbox"))).list()
                .forEach(e -> regimes.put(e.getKey(), e.getValue()));
        Map<String, Map<Integer, RegimeParameters>> versions = new HashMap<>();
        db.sql("select regime_code, version, parameters from regime_version")
                .query((rs, n) -> {
                    versions.computeIfAbsent(rs.getString("regime_code"), c -> new HashMap<>())
                            .put(rs.getInt("version"), json.readValue(rs.getString("parameters"), RegimeParameters.class));
                    return null;
                }).list();
        Map<String, List<Decision>> decisions = new HashMap<>();
        db.sql("select * from regime_decision order by regime_code, seq")
                .query((rs, n) -> {
                    DecisionContent content = json.readValue(new String(rs.getBytes("content"), StandardCharsets.UTF_8), DecisionContent.class);
                    String report = rs.getString("report");
                    Decision decision = new Decision(rs.getObject("id", UUID.class), rs.getString("regime_code"), rs.getInt("seq"),
                            DecisionKind.valueOf(rs.getString("kind")), rs.getInt("version"),
                            rs.getObject("effective_at", OffsetDateTime.class).toInstant(), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                            rs.getString("recorded_by"), Optional.ofNullable(rs.getString("recorded_by_iin")), content, rs.getBytes("signature") != null,
                            Optional.ofNullable(report).map(r -> json.readTree(r).path("signer").asString()));
                    decisions.computeIfAbsent(decision.regimeCode(), c -> new ArrayList<>()).add(decision);
                    return null;
                }).list();
        Map<String, Regime> loaded = new LinkedHashMap<>();
        regimes.forEach((code, sandbox) -> loaded.put(code,
                new Regime(code, sandbox, versions.getOrDefault(code, Map.of()), decisions.getOrDefault(code, List.of()))));
        return loaded;
    }

    /** Holds the regime's row until the transaction ends, so two decisions on one regime are recorded one after the other. */
    boolean lock(String code) {
        return db.sql("select code from regime where code = ? for update").param(code).query(String.class).optional().isPresent();
    }

    void create(String code, boolean sandbox, Instant at) {
        db.sql("insert into regime (code, sandbox, created_at) values (?, ?, ?)").params(code, sandbox, utc(at)).update();
    }

    void addVersion(String code, int version, RegimeParameters parameters, Instant at) {
        db.sql("insert into regime_version (regime_code, version, parameters, recorded_at) values (?, ?, ?::jsonb, ?)")
                .params(code, version, json.writeValueAsString(parameters), utc(at)).update();
    }

    record Recorded(DecisionKind kind, int version, Instant effectiveAt, Instant recordedAt, String recordedBy, String recordedByIin,
                    byte[] content, String digest, byte[] signature, String report) {}

    UUID addDecision(String code, Recorded decision) {
        UUID id = UUID.randomUUID();
        db.sql("""
                        insert into regime_decision (id, regime_code, seq, kind, version, effective_at, recorded_at, recorded_by, recorded_by_iin,
                                                     content, content_digest, signature, report)
                        values (?, ?, coalesce((select max(seq) from regime_decision where regime_code = ?), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, code, code, decision.kind().name(), decision.version(), utc(decision.effectiveAt()), utc(decision.recordedAt()),
                        decision.recordedBy(), decision.recordedByIin(), decision.content(), decision.digest(), decision.signature(), decision.report())
                .update();
        return id;
    }

    boolean recorded(String digest) {
        return db.sql("select count(*) from regime_decision where content_digest = ?").param(digest).query(Integer.class).single() > 0;
    }

    /** The signed bytes and signature of a decision, for anyone who wants to check it outside the platform. */
    Optional<SignedDecision> signedDecision(String code, int seq) {
        return db.sql("select content, signature from regime_decision where regime_code = ? and seq = ?").params(code, seq)
                .query((rs, n) -> new SignedDecision(rs.getBytes("content"), Optional.ofNullable(rs.getBytes("signature")))).optional();
    }

    record SignedDecision(byte[] content, Optional<byte[]> signature) {}

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
