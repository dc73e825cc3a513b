package kz.tirkeu.regime.monitoring;

import kz.tirkeu.platform.CannotServe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import kz.tirkeu.identity.SignedInPerson;
import kz.tirkeu.pki.cms.Digests;
import kz.tirkeu.pki.identity.Bin;
import kz.tirkeu.pki.cert.KzRole;
import kz.tirkeu.pki.json.CanonicalJson;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.ValidationReport;
import kz.tirkeu.regime.InvalidRegime;
import kz.tirkeu.regime.Regime;
import kz.tirkeu.regime.RegimeDates;
import kz.tirkeu.regime.RegimeRegistry;
import kz.tirkeu.regime.SignedDocuments;
import kz.tirkeu.regime.Subject;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The periodic reports of admitted dealers (issue [6] point 5): prepared by anyone of the dealer signed in, signed by
 * its first head with the head's SIGN key through NCALayer, stored with the signature as a signed document. Only a
 * dealer that is or was a subject of the regime in the period reports, and only on a period that has begun.
 */
@Service
public class DealerReports {

    static final int LONGEST_TEXT = 8000;

    private final RegimeRegistry registry;
    private final SignedDocuments signatures;
    private final JdbcClient db;
    private final Clock clock;
    private final JsonMapper json;

    DealerReports(RegimeRegistry registry, SignedDocuments signatures, JdbcClient db, JsonMapper json, Clock clock) {
        this.registry = registry;
        this.json = json;
        this.signatures = signatures;
        this.db = db;
        this.clock = clock;
    }

    /** What a dealer writes before its head signs. */
    public record Draft(String from, String to, String activity, String problems, String proposals) {}

    public record ToSign(DealerReportContent report, String dataToSign) {}

    /** A stored report, as the authorised body and the dealer see it (the signer's IIN is not in it). */
    public record Stored(UUID id, String regime, String dealerBin, String dealerName, LocalDate from, LocalDate to, Instant submittedAt,
                         String activity, String problems, String proposals, String signedBy) {}

    public ToSign prepare(String code, Draft draft, SignedInPerson dealer) {
        Bin bin = dealerBin(dealer);
        if (draft == null) {
            throw new InvalidRegime("REPORT_MALFORMED", "Send the period (from, to) and what the dealer did (activity).").situation("fields");
        }
        Period period = Period.parse(draft.from(), draft.to());
        Regime regime = registry.find(code).orElseThrow(() -> notFound(code));
        Subject subject = subjectIn(regime, bin, period);
        DealerReportContent content = new DealerReportContent(DealerReportContent.TYPE, code, regime.versionAt(registry.now()), bin.value(),
                subject.name(), period.from(), period.to(), text("activity", draft.activity(), true), text("problems", draft.problems(), false),
                text("proposals", draft.proposals(), false), clock.instant());
        return new ToSign(content, Base64.getEncoder().encodeToString(canonical(content)));
    }

    /** Records the signed report; the same signed report sent twice is recorded once. */
    public Stored submit(String code, DealerReportContent content, byte[] cms, SignedInPerson dealer) {
        Bin bin = dealerBin(dealer);
        if (content == null || !DealerReportContent.TYPE.equals(content.type()) || !code.equals(content.regime()) || content.from() == null
                || content.to() == null) {
            throw new InvalidRegime("REPORT_MALFORMED", "Send back the report exactly as prepared (POST …/dealer-reports/to-sign), with its signature.").situation("altered");
        }
        if (!bin.value().equals(content.dealerBin())) {
            throw new InvalidRegime("REPORT_NOT_YOURS", CannotServe.Reason.FORBIDDEN, "This report is another organisation's.");
        }
        Regime regime = registry.find(code).orElseThrow(() -> notFound(code));
        subjectIn(regime, bin, new Period(content.from(), content.to()));
        text("activity", content.activity(), true);
        byte[] bytes = canonical(content);
        ValidationReport report = signatures.check(bytes, cms,
                new ExpectedSigner.LegalEntitySigner(bin, Set.of(KzRole.FIRST_HEAD)), "The report", "REPORT");
        String signer = report.signers().stream().flatMap(s -> s.signer().stream()).flatMap(c -> c.iin().stream()).map(i -> i.value())
                .findFirst().orElseThrow();
        String digest = HexFormat.of().formatHex(Digests.sha256(bytes));
        UUID id = UUID.randomUUID();
        try {
            db.sql("""
                            insert into regime_dealer_report (id, regime_code, dealer_bin, period_from, period_to, content, content_digest, signature,
                                                              signer_iin, submitted_at, report)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")
                    .params(id, code, bin.value(), content.from(), content.to(), bytes, digest, cms, signer, clock.instant().atOffset(ZoneOffset.UTC),
                            signatures.reportJson(report))
                    .update();
        } catch (DuplicateKeyException alreadyRecorded) {
            return find(idOf(digest)).orElseThrow(); // the same signed report again: the one already recorded
        }
        return find(id).orElseThrow();
    }

    /** The reports on a regime, newest first; of one dealer when {@code bin} is given; overlapping the period when given. */
    public List<Stored> of(String code, Optional<Bin> bin, Optional<Period> period) {
        return db.sql("""
                        select id, regime_code, dealer_bin, period_from, period_to, submitted_at, content, report ->> 'signer' as signer
                        from regime_dealer_report
                        where regime_code = :code and (cast(:bin as text) is null or dealer_bin = :bin)
                          and (cast(:from as date) is null or (period_to >= cast(:from as date) and period_from <= cast(:to as date)))
                        order by submitted_at desc""")
                .param("code", code).param("bin", bin.map(Bin::value).orElse(null))
                .param("from", period.map(Period::from).orElse(null)).param("to", period.map(Period::to).orElse(null))
                .query((rs, row) -> stored(rs.getObject("id", UUID.class), rs.getBytes("content"), rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant(),
                        rs.getString("signer")))
                .list();
    }

    /** The exact signed bytes and the signature of a report, to check it outside the platform. */
    public Optional<byte[][]> signed(String code, UUID id) {
        return db.sql("select content, signature from regime_dealer_report where regime_code = ? and id = ?").params(code, id)
                .query((rs, row) -> new byte[][] {rs.getBytes("content"), rs.getBytes("signature")}).optional();
    }

    private Optional<Stored> find(UUID id) {
        return db.sql("select id, content, submitted_at, report ->> 'signer' as signer from regime_dealer_report where id = ?").param(id)
                .query((rs, row) -> stored(id, rs.getBytes("content"), rs.getObject("submitted_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("signer")))
                .optional();
    }

    private UUID idOf(String digest) {
        return db.sql("select id from regime_dealer_report where content_digest = ?").param(digest).query(UUID.class).single();
    }

    private Stored stored(UUID id, byte[] content, Instant submittedAt, String signer) {
        DealerReportContent c = json.readValue(new String(content, StandardCharsets.UTF_8), DealerReportContent.class);
        // The signer as the certificate names them, without the IIN: "the head, certificate serial …".
        String signedBy = signer == null ? "" : signer.replaceAll(", IIN \\d{12}", "");
        return new Stored(id, c.regime(), c.dealerBin(), c.dealerName(), c.from(), c.to(), submittedAt, c.activity(), c.problems(), c.proposals(), signedBy);
    }

    private static Bin dealerBin(SignedInPerson dealer) {
        return dealer.bin().orElseThrow(() -> new InvalidRegime("NOT_A_DEALER", CannotServe.Reason.FORBIDDEN,
                "Sign in with an employee's key of the dealer to report for it."));
    }

    /** The dealer as a subject of the regime in the period: admitted before it ended, not excluded before it began. */
    private Subject subjectIn(Regime regime, Bin bin, Period period) {
        LocalDate today = RegimeDates.dayOf(registry.now());
        if (period.from().isAfter(today)) {
            throw new InvalidRegime("PERIOD_NOT_BEGUN", "A report is on a period that has begun; " + period.text() + " has not.", String.valueOf(period.text())).situation("report");
        }
        return regime.versions().values().stream().flatMap(v -> v.subjects().stream()).filter(s -> s.bin().equals(bin.value()))
                .filter(s -> !s.admittedOn().isAfter(period.to()) && s.exclusion().map(e -> e.on().isAfter(period.from())).orElse(true))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new InvalidRegime("DEALER_NOT_A_SUBJECT", CannotServe.Reason.FORBIDDEN, "BIN " + bin.value()
                        + " was not admitted to the regime " + regime.code() + " during " + period.text() + ", so it has nothing to report on it.", String.valueOf(bin.value()), String.valueOf(regime.code()), String.valueOf(period.text())));
    }

    private static String text(String field, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            throw new InvalidRegime("REPORT_TEXT_MISSING", "Say what the dealer did under the regime in the period (" + field + ").", String.valueOf(field));
        }
        if (text.length() > LONGEST_TEXT) {
            throw new InvalidRegime("REPORT_TEXT_TOO_LONG", field + " is at most " + LONGEST_TEXT + " characters; attach the rest separately.", String.valueOf(field), String.valueOf(LONGEST_TEXT));
        }
        return text.isEmpty() ? null : text;
    }

    private byte[] canonical(DealerReportContent content) {
        return CanonicalJson.canonicalize(json.writeValueAsString(content));
    }

    private static InvalidRegime notFound(String code) {
        return new InvalidRegime("REGIME_NOT_FOUND", CannotServe.Reason.NOT_FOUND, "There is no regime " + code + ".", String.valueOf(code));
    }
}
