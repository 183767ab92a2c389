package dev.miglint.rules.conventions;

import dev.miglint.change.Change;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

import java.util.ArrayList;
import java.util.List;

@RuleInfo(
        id = "prefer-text",
        summary = "Columns are typed text rather than varchar(n) or char(n)",
        category = Category.CONVENTIONS,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        optIn = true,
        help = "In PostgreSQL varchar(n) is text with a length check: it is stored and compared the same way "
                + "and is no faster, while raising the limit later is an ALTER COLUMN TYPE. char(n) pads every "
                + "value with spaces to n characters and ignores trailing spaces in comparisons, which surprises "
                + "every client; a bare char is char(1). Use text, and when the length is a rule of the data, "
                + "state it as CHECK (char_length(column) <= n), which can be changed without touching the "
                + "column's type. The first fix writes text and so drops the length limit; the second keeps it "
                + "as a CHECK. Fixes are offered in CREATE TABLE and ADD COLUMN only: changing the type of an "
                + "existing column is a migration of its own.")
public final class PreferText implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        for (TypedColumn c : TypedColumn.of(change)) {
            if (!c.definition()) {
                continue;
            }
            boolean limitedVarchar = c.type().is("varchar") && !c.type().modifiers().isEmpty();
            if (!limitedVarchar && !c.type().is("char")) {
                continue;
            }
            String text = c.type().rewrite("text", false, c.written());
            String length = c.type().modifiers().isEmpty() ? "1" : c.type().modifiers();
            String problem = limitedVarchar
                    ? " is varchar limited to " + length + " characters, which only adds a length check to text"
                    : " pads its values with spaces to " + length + " character" + (length.equals("1") ? "" : "s");
            ctx.report(c.typeSpan(), "Column " + c.where() + problem + ": use text, adding CHECK (char_length("
                    + c.nameAsWritten() + ") <= " + length + ") if the limit must stay", fixes(c, text, length));
        }
    }

    private static List<Fix> fixes(TypedColumn c, String text, String length) {
        List<Fix> fixes = new ArrayList<>();
        fixes.add(new Fix("Use " + text + " (drops the " + length + "-character limit)", List.of(c.replaceType(text))));
        if (!c.type().isArray() && length.matches("\\d+")) {
            String name = c.nameAsWritten();
            String check = text + " CHECK (char_length(" + name + ") <= " + length + ")";
            fixes.add(new Fix("Use text with CHECK (char_length(" + name + ") <= " + length + ")",
                    List.of(c.replaceType(check))));
        }
        return fixes;
    }
}
