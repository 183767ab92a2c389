package dev.miglint.insight;

/** Escaping for the bits of SQL that hovers quote outside code spans. */
final class Markdown {

    private Markdown() {
    }

    /** Escapes characters Markdown would read as formatting: names like {@code my_table} stay literal. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A code span that survives backticks in its content. */
    static String code(String text) {
        String fence = text.contains("`") ? "``" : "`";
        return fence + (text.startsWith("`") || text.endsWith("`") ? " " + text + " " : text) + fence;
    }
}
