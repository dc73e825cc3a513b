package kz.tirkeu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue [11]: every problem the API tells a person is written in kk, ru and en. Reads the server's own sources for the
 * codes it throws (and the situations it names), so a new code without its texts fails the build, not a Kazakh reader.
 */
class ProblemTextsTest {

    private static final Path SOURCES = Path.of("src/main/java/kz/tirkeu");
    private static final Pattern THROWN = Pattern.compile(
            "(?:new |OAuthProblem\\.)(ProblemException|CannotServe|PaymentRefused|ApplicationRefused|AccessChangeRefused|SignInRefused|InvalidRegime|NotAllowed|invalidClient|invalidRequest)"
                    + "\\((\"([A-Z_]+)\",)?");
    private static final Pattern SUPER = Pattern.compile("super\\(\"([A-Z_]+)\"");
    private static final Pattern SITUATION = Pattern.compile("^\\s*\\.situation\\((?:\"(\\w+)\"\\))?");
    private static final Pattern TOLD_AS = Pattern.compile("^\\s*\\.toldAs\\(\"([A-Z_]+)\"\\)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    /**
     * Keys the scan cannot see because their code or situation is computed: the text of each is checked all the same.
     * Adding a computed code means adding its keys here.
     */
    private static final List<String> COMPUTED = List.of(
            "NOT_IN_STEP", "REQUEST_INCOMPLETE", "NOT_ALLOWED",
            "CASE_NOT_HELD.heldByAnother", "CASE_NOT_HELD.heldByNobody", "CASE_NOT_HELD.noDecision", "CASE_NOT_HELD.takenOver",
            "CASE_NOT_HELD.changedHands", "NOT_SUBMITTED.seller", "NOT_SUBMITTED.buyer", "TOO_MANY_CODES.number", "TOO_MANY_CODES.person",
            "REVIEW_PENDING", "NOT_REFUSED", "ACT_DATE_INVALID", "EFFECTIVE_DATE_INVALID",
            "DECISION_SIGNATURE_INVALID.unavailable", "DECISION_SIGNATURE_INVALID.notValid", "DECISION_SIGNATURE_INVALID.notCms",
            "DECISION_SIGNATURE_MISMATCH", "REPORT_SIGNATURE_INVALID.unavailable", "REPORT_SIGNATURE_INVALID.notValid",
            "REPORT_SIGNATURE_INVALID.notCms", "REPORT_SIGNATURE_MISMATCH",
            "MALFORMED_REQUEST.body", "MALFORMED_REQUEST.query", "MALFORMED_REQUEST.parameter", "MALFORMED_REQUEST.path",
            "BODY_TOO_LARGE", "INVALID_CHARACTER", "VALIDATION_FAILED", "METHOD_NOT_ALLOWED", "UNSUPPORTED_MEDIA_TYPE", "NOT_ACCEPTABLE",
            "NOT_FOUND", "INVALID_VALUE", "INTERNAL_ERROR", "CERTIFICATE_CHAIN_INCOMPLETE",
            "WEBHOOK_URL_INVALID.form", "WEBHOOK_URL_INVALID.loopbackOnly", "WEBHOOK_URL_INVALID.httpsOnly", "WEBHOOK_URL_INVALID.scheme",
            "PARTNER_TOKEN_INVALID", "PARTNER_SESSION_INVALID", "TOO_MANY_REQUESTS.partner", "TOO_MANY_REQUESTS.challenges", "CSRF_TOKEN_INVALID");

    @Test
    void everyProblemTheServerThrowsHasItsTextInKazakhRussianAndEnglish() throws IOException {
        Set<String> keys = thrownKeys();
        keys.addAll(COMPUTED);
        for (String language : List.of("", "_kk", "_ru")) {
            Properties texts = bundle(language);
            assertThat(keys.stream().filter(key -> !texts.containsKey(ProblemException.TEXT_PREFIX + key)))
                    .as("problem texts missing from problems%s.properties", language).isEmpty();
        }
    }

    /**
     * A text is filled with exactly the facts its throw site passes: {0}…{n-1} for n of them, none for none. (Spring runs
     * a text through MessageFormat only when there are facts, and MessageFormat would eat an apostrophe of a text
     * written for none.)
     */
    @Test
    void everyThrowSitePassesAsManyFactsAsItsTextHasPlaceholders() throws IOException {
        Properties english = bundle("");
        Map<String, String> mismatched = new java.util.TreeMap<>();
        for (Site site : thrownSites()) {
            String text = english.getProperty(ProblemException.TEXT_PREFIX + site.key());
            Set<String> expected = new TreeSet<>();
            for (int i = 0; i < site.facts(); i++) {
                expected.add(String.valueOf(i));
            }
            if (text != null && !placeholders(text).equals(expected)) {
                mismatched.put(site.where(), site.key() + " passes " + site.facts() + " facts to: " + text);
            }
        }
        assertThat(mismatched).isEmpty();
    }

    @Test
    void theThreeLanguagesHaveTheSameKeysAndTheSamePlaceholders() throws IOException {
        Properties english = bundle("");
        for (String language : List.of("_kk", "_ru")) {
            Properties translated = bundle(language);
            assertThat(translated.stringPropertyNames()).as("keys of problems%s.properties", language).isEqualTo(english.stringPropertyNames());
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(translated.getProperty(key))).as("%s in problems%s.properties", key, language)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    /** A text with {0} goes through MessageFormat, where a lone apostrophe swallows what follows it. */
    @Test
    void aTextWithPlaceholdersWritesEveryApostropheTwice() throws IOException {
        for (String language : List.of("", "_kk", "_ru")) {
            Properties texts = bundle(language);
            Map<String, String> broken = texts.stringPropertyNames().stream()
                    .filter(key -> !placeholders(texts.getProperty(key)).isEmpty() && LONE_APOSTROPHE.matcher(texts.getProperty(key)).find())
                    .collect(Collectors.toMap(key -> key, texts::getProperty));
            assertThat(broken).as("problems%s.properties", language).isEmpty();
        }
    }

    /** A throw site with a literal code: its text's key, how many facts it passes, where it is. */
    private record Site(String key, int facts, String where) {}

    private static Set<String> thrownKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        thrownSites().forEach(site -> keys.add(site.key()));
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher constructed = SUPER.matcher(Files.readString(file));
                while (constructed.find()) {
                    keys.add(constructed.group(1));
                }
            }
        }
        return keys;
    }

    private static List<Site> thrownSites() throws IOException {
        List<Site> sites = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher thrown = THROWN.matcher(source);
                while (thrown.find()) {
                    Call call = callFrom(source, thrown.start(2) < 0 ? thrown.end() : thrown.start(2));
                    Matcher toldAs = TOLD_AS.matcher(source.substring(call.end(), Math.min(source.length(), call.end() + 80)));
                    boolean told = toldAs.find(); // one sentence for a family of codes: the text is the named code's
                    String code = told ? toldAs.group(1) : thrown.group(3);
                    String situation = situationAt(source, call.end() + (told ? toldAs.end() : 0));
                    if (thrown.group(3) != null && situation != null) {
                        sites.add(new Site(code + situation, call.facts(thrown.group(1)), file.getFileName() + ":" + (source.substring(0, thrown.start()).chars().filter(c -> c == '\n').count() + 1)));
                    }
                }
            }
        }
        return sites;
    }

    /** A constructor call's arguments, split at its top-level commas, and where it ends. */
    private record Call(List<String> arguments, int end) {
        /** The facts after the code, the status or reason and the message (InvalidRegime may leave it out; NotAllowed has only the message). */
        int facts(String type) {
            int before = switch (type) {
                case "NotAllowed" -> 1;
                case "invalidClient", "invalidRequest" -> 2; // OAuthProblem's factories: the code, the message
                case "InvalidRegime" -> arguments.size() > 1 && arguments.get(1).strip().matches("(HttpStatus|CannotServe\\.Reason|Reason)\\..*") ? 3 : 2;
                default -> 3;
            };
            return Math.max(0, arguments.size() - before);
        }
    }

    private static Call callFrom(String source, int from) {
        List<String> arguments = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 1;
        boolean inString = false;
        int i = from;
        for (; i < source.length(); i++) {
            char c = source.charAt(i);
            if (inString) {
                current.append(c);
                if (c == '\\') {
                    current.append(source.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            if (c == '"') {
                inString = true;
            } else if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (--depth == 0) {
                    break;
                }
            } else if (c == ',' && depth == 1) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        arguments.add(current.toString());
        return new Call(arguments, i + 1);
    }

    /** ".situation" right where the constructor call ends: "" if none, null if computed (see COMPUTED). */
    private static String situationAt(String source, int at) {
        Matcher situation = SITUATION.matcher(source.substring(at, Math.min(source.length(), at + 80)));
        if (!situation.find()) {
            return "";
        }
        return situation.group(1) == null ? null : "." + situation.group(1);
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemTextsTest.class.getResourceAsStream("/problems" + suffix + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
