package dev.miglint.rules.alembic;

import dev.miglint.alembic.AlembicVersion;
import dev.miglint.alembic.OpCall;
import dev.miglint.rules.Fix;
import dev.miglint.text.TextEdit;

import java.util.List;

/** Edits of an Alembic op call that the rules' Python fixes are made of. */
public final class OpCallEdits {

    /** What a guard finding without a fix adds to the rule's help. */
    public static final String GUARD_BY_HAND = " In an Alembic revision: Alembic 1.12–1.16 add if_not_exists=True / "
            + "if_exists=True to these ops (set alembicVersion or pin alembic in requirements so miglint offers it); "
            + "with an older Alembic run the guarded statement with op.execute(\"… IF NOT EXISTS …\").";

    private OpCallEdits() {
    }

    /**
     * {@code keyword=True} on the call ({@code if_not_exists}, {@code if_exists}), where the project's
     * Alembic has it for this op; otherwise none (the help says how to guard it by hand).
     */
    public static List<Fix> keyword(OpCall call, String text, AlembicVersion.Version version, String keyword) {
        if (call.isBatch() || call.keyword(keyword).isPresent() || version == null
                || !AlembicVersion.supportsIfExists(call.method(), version)) {
            return List.of();
        }
        TextEdit insert = keywordInsertion(call, text, keyword);
        return insert == null ? List.of() : List.of(new Fix("Add " + keyword + "=True", List.of(insert)));
    }

    /** {@code keyword=True} as the last argument of the call, laid out as its other arguments are; null when the call does not end in ')'. */
    static TextEdit keywordInsertion(OpCall call, String text, String keyword) {
        int close = call.span().end() - 1;
        if (close < 0 || close >= text.length() || text.charAt(close) != ')') {
            return null;
        }
        int before = close;
        while (before > 0 && Character.isWhitespace(text.charAt(before - 1))) {
            before--;
        }
        boolean trailingComma = before > 0 && text.charAt(before - 1) == ',';
        boolean noArgs = before > 0 && text.charAt(before - 1) == '(';
        String insert;
        if (trailingComma && text.substring(before, close).indexOf('\n') >= 0) {
            // One argument per line, as black writes calls: a line of its own, indented like the last one.
            insert = "\n" + indentOfLine(text, before - 1) + keyword + "=True,";
        } else {
            insert = (trailingComma ? " " : noArgs ? "" : ", ") + keyword + "=True";
        }
        return TextEdit.insert(before, insert);
    }

    /**
     * {@code postgresql_concurrently=True} on an index op, and the call moved into
     * {@code with op.get_context().autocommit_block():} when it is not in one (CONCURRENTLY cannot run
     * inside the transaction Alembic opens). Only for a call that starts its line and ends it.
     */
    public static List<Fix> concurrently(OpCall call, String text) {
        if (call.isBatch() || !(call.method().equals("create_index") || call.method().equals("drop_index"))) {
            return List.of();
        }
        int lineStart = text.lastIndexOf('\n', call.span().start() - 1) + 1;
        int lineEnd = text.indexOf('\n', call.span().end());
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        if (!text.substring(lineStart, call.span().start()).isBlank() || !text.substring(call.span().end(), lineEnd).isBlank()) {
            return List.of();
        }
        String callText = text.substring(call.span().start(), call.span().end());
        if (call.keyword("postgresql_concurrently").isEmpty()) {
            TextEdit insert = keywordInsertion(call, text, "postgresql_concurrently");
            if (insert == null) {
                return List.of();
            }
            int at = insert.start() - call.span().start();
            callText = callText.substring(0, at) + insert.newText() + callText.substring(at);
        }
        String indent = text.substring(lineStart, call.span().start());
        String replacement = call.autocommit() ? callText
                : "with op.get_context().autocommit_block():\n" + indent + "    " + callText.replace("\n", "\n    ");
        if (replacement.equals(text.substring(call.span().start(), call.span().end()))) {
            return List.of();
        }
        return List.of(new Fix(call.autocommit() ? "Add postgresql_concurrently=True"
                : "Run it concurrently in an autocommit block",
                List.of(new TextEdit(call.span().start(), call.span().end(), replacement))));
    }

    private static String indentOfLine(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset) + 1;
        int end = lineStart;
        while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) {
            end++;
        }
        return text.substring(lineStart, end);
    }
}
