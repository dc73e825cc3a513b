package kz.tirkeu.pki.verifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kz.tirkeu.pki.crypto.Pem;
import kz.tirkeu.pki.crypto.SignatureAlgorithms;
import kz.tirkeu.pki.document.DigitalDocumentVerifier;
import kz.tirkeu.pki.document.VerifiedDocument;
import kz.tirkeu.pki.json.JsonLayout;
import kz.tirkeu.pki.net.PkiHttpClient;
import kz.tirkeu.pki.revocation.RevocationChecker;
import kz.tirkeu.pki.validation.ExpectedSigner;
import kz.tirkeu.pki.validation.SignatureValidator;
import kz.tirkeu.pki.validation.ValidationPolicy;

/**
 * The offline verifier: {@code java -jar tirkeu-verify.jar FILE --trust ROOT.pem [--offline]}.
 * Prints the document's content, its signers and the validation report; exits 0 only when the
 * document PASSED (1 FAILED, 2 INDETERMINATE, 64 wrong usage, 66 unreadable input).
 */
public final class VerifyCommand {

    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int INDETERMINATE = 2;
    static final int USAGE = 64;
    static final int NO_INPUT = 66;

    private static final String USAGE_TEXT = """
            Usage: java -jar tirkeu-verify.jar FILE --trust ROOT.pem [--trust OTHER.pem ...] [--offline]

            Verifies a Tirkeu digital document (a CAdES-T signed, RFC 8785 canonical JSON file)
            against the root certificates you trust.
              --trust FILE   a trusted root CA certificate, PEM or DER (at least one; may repeat)
              --offline      do not contact OCSP/CRL services; use only the revocation evidence
                             embedded in the document
            Exit status: 0 PASSED, 1 FAILED, 2 INDETERMINATE, 64 usage error, 66 unreadable input.
            """;

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Path file = null;
        List<Path> trust = new ArrayList<>();
        boolean offline = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--trust" -> {
                    if (i + 1 >= args.length) {
                        return usage(err, "--trust needs a file");
                    }
                    trust.add(Path.of(args[++i]));
                }
                case "--offline" -> offline = true;
                case "-h", "--help" -> {
                    out.print(USAGE_TEXT);
                    return PASSED;
                }
                default -> {
                    if (args[i].startsWith("--") || file != null) {
                        return usage(err, "unexpected argument: " + args[i]);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (file == null) {
            return usage(err, "no document given");
        }
        if (trust.isEmpty()) {
            return usage(err, "no trusted root given: pass --trust ROOT.pem, the root certificate of the CA you trust");
        }
        byte[] document;
        Set<X509Certificate> anchors = new HashSet<>();
        try {
            document = Files.readAllBytes(file);
            for (Path root : trust) {
                anchors.addAll(Pem.readCertificates(Files.readAllBytes(root)));
            }
        } catch (IOException e) {
            err.println("Cannot read " + e.getMessage());
            return NO_INPUT;
        } catch (IllegalArgumentException e) {
            err.println("Cannot read a trusted root: " + e.getMessage());
            return NO_INPUT;
        }
        ValidationPolicy policy = new ValidationPolicy(anchors, List.of(), SignatureAlgorithms.defaults());
        PkiHttpClient http = offline ? PkiHttpClient.offline() : PkiHttpClient.withDefaultTimeouts();
        SignatureValidator validator = new SignatureValidator(policy, new RevocationChecker(http, Clock.systemUTC(), true), Clock.systemUTC());
        VerifiedDocument verified = new DigitalDocumentVerifier(validator).verify(document, ExpectedSigner.anyone());

        out.println("Document: " + file);
        out.println("Content:");
        out.println(verified.content().map(VerifyCommand::layout).orElse("(none could be read)"));
        out.println();
        out.print(verified.report().toText());
        return switch (verified.report().indication()) {
            case PASSED -> PASSED;
            case FAILED -> FAILED;
            case INDETERMINATE -> INDETERMINATE;
        };
    }

    private static String layout(String content) {
        return content.startsWith("{") || content.startsWith("[") ? JsonLayout.indent(content) : content;
    }

    private static int usage(PrintStream err, String problem) {
        err.println("tirkeu-verify: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }
}
