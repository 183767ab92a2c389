package dev.miglint.cli;

import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Rules;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code miglint rules}: the catalogue as a table, one rule per line. */
final class RulesCommand {

    private RulesCommand() {
    }

    static int run(List<String> args, PrintWriter out) throws SourceFiles.UsageError {
        if (!args.isEmpty()) {
            throw new SourceFiles.UsageError("rules takes no arguments (try: miglint explain " + args.get(0) + ")");
        }
        int width = Rules.ALL.stream().mapToInt(r -> r.id().length()).max().orElse(2);
        String row = "%-" + width + "s  %-12s  %-8s  %-7s  %s%n";
        out.printf(row, "id", "category", "severity", "fixable", "summary");
        for (Rule rule : Rules.ALL) {
            RuleInfo info = rule.info();
            out.printf(row, info.id(), info.category().name().toLowerCase(Locale.ROOT), severity(info),
                    info.fixable() ? "yes" : "no", info.summary());
        }
        return Main.OK;
    }

    /** The default severity, or "off" for a rule that runs only when configured. */
    static String severity(RuleInfo info) {
        return info.optIn() ? "off" : info.severity().label();
    }
}
