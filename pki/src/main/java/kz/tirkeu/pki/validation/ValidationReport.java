package kz.tirkeu.pki.validation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a CMS signature, in the spirit of ETSI EN 319 102-1: PASSED only when
 * every signer passed; otherwise the worst signer's indication and sub-indication.
 */
public record ValidationReport(
        Indication indication,
        Optional<SubIndication> subIndication,
        String message,
        Instant validationTime,
        List<SignerReport> signers) {

    public boolean passed() {
        return indication == Indication.PASSED;
    }

    static ValidationReport ofSigners(List<SignerReport> signers, Instant at) {
        SignerReport worst = signers.stream()
                .max(Comparator.comparingInt(s -> severity(s.indication())))
                .orElseThrow();
        return new ValidationReport(worst.indication(), worst.subIndication(), worst.message(), at, signers);
    }

    static ValidationReport failure(SubIndication sub, String message, Instant at) {
        return new ValidationReport(sub.indication(), Optional.of(sub), message, at, List.of());
    }

    private static int severity(Indication indication) {
        return switch (indication) {
            case PASSED -> 0;
            case INDETERMINATE -> 1;
            case FAILED -> 2;
        };
    }

    /** A plain-text rendering for people: the verifier prints this. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Result: ").append(indication);
        subIndication.ifPresent(s -> out.append(" / ").append(s).append(s.etsiName().equals(s.name()) ? "" : " (ETSI " + s.etsiName() + ")"));
        out.append('\n').append("  ").append(message).append('\n');
        out.append("Validated at: ").append(validationTime).append('\n');
        int n = 1;
        for (SignerReport signer : signers) {
            out.append("Signer ").append(n++).append(": ").append(signer.indication());
            signer.subIndication().ifPresent(s -> out.append(" / ").append(s));
            out.append('\n');
            signer.signer().ifPresent(c -> {
                out.append("  name: ").append(c.commonName()).append('\n');
                c.iin().ifPresent(iin -> out.append("  IIN: ").append(iin).append('\n'));
                c.bin().ifPresent(bin -> out.append("  BIN: ").append(bin).append(c.organisation().map(o -> " (" + o + ")").orElse("")).append('\n'));
                if (!c.roles().isEmpty()) {
                    out.append("  roles: ").append(c.roles()).append('\n');
                }
                out.append("  key purpose: ").append(c.purpose()).append('\n');
                out.append("  certificate: serial ").append(c.serialHex()).append(", issued by ").append(c.issuerDn())
                        .append(", valid ").append(c.notBefore()).append(" to ").append(c.notAfter()).append('\n');
            });
            signer.claimedSigningTime().ifPresent(t -> out.append("  signing time (claimed): ").append(t).append('\n'));
            signer.timeStamp().ifPresent(t -> out.append("  time-stamp (proof of existence): ").append(t).append('\n'));
            for (Check check : signer.checks()) {
                out.append("  [").append(check.outcome()).append("] ").append(check.name()).append(": ").append(check.detail()).append('\n');
            }
        }
        return out.toString();
    }
}
