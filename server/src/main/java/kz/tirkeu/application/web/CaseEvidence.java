package kz.tirkeu.application.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.tirkeu.application.Action;

/**
 * What an officer weighs in a case file, read from the application's log: every check as it was
 * recorded (the state system asked, when it answered, what it said and the digest of its response), and
 * each party's signature — when it was made, and what the decision's check of it found.
 */
final class CaseEvidence {

    private CaseEvidence() {}

    /** One check of the log with its evidence; a later round of the same step is a row of its own. */
    record CheckRow(int seq, Instant at, String step, String check, Action.Kind outcome, Optional<ApplicationView.EvidenceView> evidence,
                    Optional<String> refusalCode, Optional<String> found) {}

    record SignatureRow(String party, String step, Optional<Instant> signedAt, Optional<CheckRow> verifiedAtDecision) {}

    static List<CheckRow> checks(ApplicationView view) {
        return view.timeline().stream()
                .filter(e -> e.action() == Action.Kind.CHECK_PASSED || e.action() == Action.Kind.CHECK_REFUSED || e.action() == Action.Kind.CHECK_WAITING)
                .map(CaseEvidence::row).toList().reversed();
    }

    static List<SignatureRow> signatures(ApplicationView view) {
        return List.of(signature(view, "SELLER", "S9", Action.Kind.SELLER_SIGNED, "seller-signature"),
                signature(view, "BUYER", "S18", Action.Kind.BUYER_SIGNED, "buyer-signature"));
    }

    private static SignatureRow signature(ApplicationView view, String party, String step, Action.Kind signed, String check) {
        Optional<Instant> at = view.timeline().reversed().stream().filter(e -> e.action() == signed).map(ApplicationView.Entry::at).findFirst();
        Optional<CheckRow> verified = checks(view).stream().filter(c -> check.equals(c.check())).findFirst();
        return new SignatureRow(party, step, at, verified);
    }

    private static CheckRow row(ApplicationView.Entry entry) {
        Map<String, String> detail = entry.detail();
        return new CheckRow(entry.seq(), entry.at(), entry.step().orElse(""), detail.getOrDefault("check", entry.step().orElse("")), entry.action(),
                entry.evidence(), Optional.ofNullable(detail.get("code")),
                Optional.ofNullable(detail.get("found")).or(() -> Optional.ofNullable(detail.get("why"))));
    }
}
