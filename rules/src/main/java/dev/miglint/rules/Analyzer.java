package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.sql.LexProblem;
import dev.miglint.sql.SqlFile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs rules over a file. Thread-safe: holds only the immutable rule list. */
public final class Analyzer {

    /** Reported when the lexer cannot close a quote or comment; not a rule, so not configurable. */
    public static final String LEX_PROBLEM = "unterminated-literal";
    /** Reported when a rule throws: a bug of ours, shown with the rule id so users can tell us. */
    public static final String INTERNAL_ERROR = "internal-error";

    private static final Comparator<Finding> IN_TEXT_ORDER = Comparator
            .comparingInt((Finding f) -> f.range().start())
            .thenComparing(Finding::rule);

    private final List<Rule> rules;

    public Analyzer(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Analyzer withAllRules() {
        return new Analyzer(Rules.ALL);
    }

    public Analysis analyze(String text) {
        return analyze(SqlFile.parse(text));
    }

    public Analysis analyze(SqlFile file) {
        List<Change> changes = file.allChanges();
        List<Finding> findings = new ArrayList<>();
        for (LexProblem problem : file.problems()) {
            findings.add(new Finding(LEX_PROBLEM, Severity.WARNING, problem.message() + ": the rest of the file is "
                    + "read as part of it", "Close the quote or comment.", problem.span(), List.of()));
        }
        for (Rule rule : rules) {
            RuleInfo info = rule.info();
            RuleContext ctx = new RuleContext(file, changes, info, info.severity(), findings);
            for (int i = 0; i < changes.size(); i++) {
                Change change = changes.get(i);
                ctx.moveTo(i);
                try {
                    rule.check(change, ctx);
                } catch (RuntimeException e) {
                    findings.add(new Finding(INTERNAL_ERROR, Severity.WARNING,
                            "miglint's rule " + info.id() + " failed on this statement (" + e + "); please report it",
                            "This is a bug in miglint, not in your migration.", change.span(), List.of()));
                }
            }
        }
        findings.sort(IN_TEXT_ORDER);
        return new Analysis(file, List.copyOf(findings));
    }
}
