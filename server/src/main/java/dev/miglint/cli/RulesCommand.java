package dev.miglint.cli;

import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Rules;

import java.io.PrintWriter;

/** {@code miglint rules}: one line per rule. */
final class RulesCommand {

    private RulesCommand() {
    }

    static int run(PrintWriter out) {
        for (Rule rule : Rules.ALL) {
            RuleInfo info = rule.info();
            out.printf("%-28s %-8s %-12s %s%s%n", info.id(), info.severity().label(),
                    info.category().name().toLowerCase(java.util.Locale.ROOT), info.summary(),
                    info.fixable() ? " (fixable)" : "");
        }
        return Main.OK;
    }
}
