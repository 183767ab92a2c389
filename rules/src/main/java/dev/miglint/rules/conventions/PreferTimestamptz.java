package dev.miglint.rules.conventions;

import dev.miglint.change.Change;
import dev.miglint.rules.Category;
import dev.miglint.rules.Fix;
import dev.miglint.rules.RuleContext;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Severity;
import dev.miglint.rules.StatementRule;

import java.util.List;

@RuleInfo(
        id = "prefer-timestamptz",
        summary = "Columns are typed timestamptz rather than timestamp without time zone",
        category = Category.CONVENTIONS,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        optIn = true,
        help = "timestamp (without time zone) stores a wall-clock reading and forgets which zone it was taken "
                + "in, so values written by servers or sessions in different zones, or on either side of a "
                + "daylight saving change, cannot be compared or ordered reliably. timestamptz stores an instant "
                + "(UTC internally) and converts on input and output using the session's TimeZone; it takes the "
                + "same 8 bytes. The fix rewrites the type and keeps its precision: timestamp(3) becomes "
                + "timestamptz(3). Converting an existing column reads its values as times in the session's "
                + "TimeZone, so set it explicitly (SET LOCAL TimeZone = 'UTC') or give a USING clause.")
public final class PreferTimestamptz implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        for (TypedColumn c : TypedColumn.of(change)) {
            if (c.type().is("timestamp")) {
                String replacement = c.type().rewrite("timestamptz", true, c.written());
                ctx.report(c.typeSpan(), "Column " + c.where() + " is typed " + c.written() + ", which drops the "
                        + "time zone of every value: use " + replacement,
                        List.of(new Fix("Use " + replacement, List.of(c.replaceType(replacement)))));
            }
        }
    }
}
