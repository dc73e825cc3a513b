package kz.tirkeu.pki.json;

/** Indents compact JSON for people to read; strings are copied untouched. */
public final class JsonLayout {
    private JsonLayout() {}

    public static String indent(String compact) {
        StringBuilder out = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < compact.length()) {
                    out.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < compact.length() && compact.charAt(i + 1) == close) {
                        out.append(c).append(close);
                        i++;
                    } else {
                        out.append(c).append('\n');
                        pad(out, ++depth);
                    }
                }
                case '}', ']' -> {
                    out.append('\n');
                    pad(out, --depth);
                    out.append(c);
                }
                case ',' -> {
                    out.append(",\n");
                    pad(out, depth);
                }
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static void pad(StringBuilder out, int depth) {
        out.append("  ".repeat(Math.max(depth, 0)));
    }
}
