package dev.miglint.rules.idempotency;

import dev.miglint.rules.Fix;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.TextEdit;

import java.util.Collection;
import java.util.List;

/** The fix that wraps a top-level statement in a DO block whose handler swallows its re-run error. */
final class DoBlockWrap {

    private DoBlockWrap() {
    }

    /** {@code DO $$ BEGIN <statement>; EXCEPTION WHEN <c1 OR c2 …> THEN null; END $$;} around the statement. */
    static Fix fix(Statement statement, Collection<String> conditions) {
        String quote = statement.text().contains("$$") ? "$miglint$" : "$$";
        String handler = String.join(" OR ", conditions);
        String close = "\nEXCEPTION WHEN " + handler + " THEN null;\nEND " + quote + ";";
        TextEdit open = TextEdit.insert(statement.span().start(), "DO " + quote + " BEGIN\n");
        TextEdit end = statement.terminator() != null
                ? TextEdit.insert(statement.span().end(), close)
                : TextEdit.insert(statement.bodyEnd(), ";" + close);
        return new Fix("Wrap in a DO block that catches " + handler, List.of(open, end));
    }
}
