package kz.tirkeu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one business area, and only that area's code writes SQL over it: another area asks through
 * the owner's API or listens to its events. Spring Modulith checks the Java dependencies; this checks what the
 * bytecode cannot see, the table names inside SQL strings. A new table needs an owner here.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/kz/tirkeu");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The owner of every table, by area (the top-level package under kz.tirkeu). */
    static final Map<String, Set<String>> OWNERS = Map.of(
            "application", Set.of("application", "application_action", "application_choice", "application_retry", "application_review", "buyer_phone",
                    "phone_code_request", "police_case", "signed_statement"),
            "payment", Set.of("payment_invoice"),
            "issuance", Set.of("collection_order", "production_number", "psc_queue_counter"),
            "notification", Set.of("deliveries", "delivery_history", "notices", "recipient_preferences"),
            "partner", Set.of("partner_access_token", "partner_application", "partner_assertion", "partner_call", "partner_client", "partner_webhook",
                    "partner_webhook_attempt", "partner_webhook_delivery"),
            "platform", Set.of("idempotent_request"),
            "regime", Set.of("regime", "regime_dealer_report", "regime_decision", "regime_evaluation", "regime_refusal", "regime_version"),
            "registry", Set.of("plate_counter", "plate_number", "registration_certificate", "vehicle_register_operation", "vehicle_registration"),
            "identity", Set.of("role_grant", "second_factor_lock", "seller_authorisation", "seller_policy", "session", "sign_in_attempt",
                    "sign_in_challenge", "totp_enrolment"),
            "statesystems", Set.of("state_system_exchange"));

    private static final Pattern CREATED = Pattern.compile("(?i)create table (?:if not exists )?([a-z_]+)|alter table [a-z_]+ rename to ([a-z_]+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)drop table (?:if exists )?([a-z_]+)|alter table ([a-z_]+) rename to");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    private static final Pattern TABLE_REFERENCE = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+([a-z_]+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path migration : files.sorted().toList()) {
                String sql = Files.readString(migration);
                Matcher dropped = DROPPED.matcher(sql);
                while (dropped.find()) {
                    tables.remove(dropped.group(1) != null ? dropped.group(1) : dropped.group(2));
                }
                Matcher created = CREATED.matcher(sql);
                while (created.find()) {
                    tables.add(created.group(1) != null ? created.group(1) : created.group(2));
                }
            }
        }
        Set<String> owned = OWNERS.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(owned).as("the tables the migrations leave, each with one owner").isEqualTo(tables);
    }

    @Test
    void noAreaWritesSqlOverAnotherAreasTables() throws IOException {
        Map<String, String> ownerOf = new TreeMap<>();
        OWNERS.forEach((area, tables) -> tables.forEach(table -> ownerOf.put(table, area)));
        Map<String, Set<String>> trespasses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    continue;
                }
                String area = relative.getName(0).toString();
                Matcher literal = LITERAL.matcher(Files.readString(file));
                while (literal.find()) {
                    String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    Matcher reference = TABLE_REFERENCE.matcher(text);
                    while (reference.find()) {
                        String table = reference.group(1).toLowerCase();
                        String owner = ownerOf.get(table);
                        if (owner != null && !owner.equals(area)) {
                            trespasses.computeIfAbsent(relative.toString(), k -> new TreeSet<>()).add(table + " (" + owner + "'s)");
                        }
                    }
                }
            }
        }
        assertThat(trespasses).as("SQL over another area's tables: ask the owner's API instead").isEmpty();
    }
}
