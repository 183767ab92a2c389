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
        id = "prefer-jsonb",
        summary = "Columns are typed jsonb rather than json",
        category = Category.CONVENTIONS,
        severity = Severity.WARNING,
        fixable = true,
        since = "0.1.0",
        optIn = true,
        help = "json stores the document as text and parses it again for every operator and function call; it "
                + "has no equality operator, so it cannot be compared, grouped, made DISTINCT or indexed with "
                + "GIN. jsonb stores the parsed form and supports containment (@>), key existence and GIN "
                + "indexes. jsonb does not keep key order, duplicate keys (the last one wins) or whitespace; keep "
                + "json only when the exact text must come back as it was written.")
public final class PreferJsonb implements StatementRule {

    @Override
    public void check(Change change, RuleContext ctx) {
        for (TypedColumn c : TypedColumn.of(change)) {
            if (c.type().is("json")) {
                String replacement = c.type().rewrite("jsonb", false, c.written());
                ctx.report(c.typeSpan(), "Column " + c.where() + " is typed " + c.written() + ", which is reparsed "
                        + "on every access and cannot be compared or GIN-indexed: use " + replacement,
                        List.of(new Fix("Use " + replacement, List.of(c.replaceType(replacement)))));
            }
        }
    }
}
