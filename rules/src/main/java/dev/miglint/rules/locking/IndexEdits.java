package dev.miglint.rules.locking;

import dev.miglint.change.Change;
import dev.miglint.rules.TextEdit;
import dev.miglint.sql.Statement;

import java.util.List;

/** Text edits around the INDEX keyword of CREATE/DROP INDEX. */
final class IndexEdits {

    private IndexEdits() {
    }

    /** Inserts {@code text} right after the statement's first INDEX keyword. */
    static List<TextEdit> afterIndexKeyword(Change change, String text) {
        Statement s = change.statement();
        for (int i = 0; i < s.size(); i++) {
            if (s.isWord(i, "INDEX")) {
                return List.of(TextEdit.insert(s.token(i).end(), text));
            }
        }
        throw new IllegalStateException("no INDEX keyword in " + s.text());
    }
}
