package dev.miglint.rules;

import dev.miglint.text.TextEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies text edits to a text, as an editor would. */
public final class Fixes {

    private Fixes() {
    }

    /**
     * Applies the edits that do not overlap an earlier one (in offset order); an edit identical to
     * one already taken is applied once. Returns the new text.
     */
    public static String apply(String text, List<TextEdit> edits) {
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder out = new StringBuilder(text.length() + 64);
        int cursor = 0;
        TextEdit previous = null;
        for (TextEdit edit : sorted) {
            if (edit.equals(previous)) {
                continue;
            }
            if (edit.start() < cursor || edit.end() > text.length()) {
                continue; // overlaps an edit already taken: the next run of the fixer gets it
            }
            out.append(text, cursor, edit.start()).append(edit.newText());
            cursor = edit.end();
            previous = edit;
        }
        return out.append(text, cursor, text.length()).toString();
    }

    /** All edits of the first fix of every finding: "fix all". */
    public static List<TextEdit> firstFixes(List<Finding> findings) {
        List<TextEdit> edits = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.fixes().isEmpty()) {
                edits.addAll(f.fixes().get(0).edits());
            }
        }
        return edits;
    }
}
