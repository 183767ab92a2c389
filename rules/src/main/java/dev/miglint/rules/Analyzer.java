package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.rules.meta.InternalError;
import dev.miglint.rules.meta.UnterminatedLiteral;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.LexProblem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Runs rules over a file. Thread-safe: holds only the immutable rule list. */
public final class Analyzer {

    /** Reported when the lexer cannot close a quote or comment; not a rule, so not configurable. */
    public static final String LEX_PROBLEM = UnterminatedLiteral.ID;
    /** Reported when a rule throws: a bug of ours, shown with the rule id so users can tell us. */
    public static final String INTERNAL_ERROR = InternalError.ID;

    private final List<StatementRule> rules;
    /** Each rule's metadata, read once: the annotation lookup stays off the per-keystroke path. */
    private final List<RuleInfo> infos;
    private final Set<String> ruleIds = new HashSet<>();

    public Analyzer(List<StatementRule> rules) {
        this.rules = List.copyOf(rules);
        this.infos = this.rules.stream().map(Rule::info).toList();
        ruleIds.addAll(Rules.IDS);
    }

    public static Analyzer withAllRules() {
        return new Analyzer(Rules.statementRules());
    }

    /** A lone file: default settings, no runner, no earlier migrations. */
    public Analysis analyze(String text) {
        return analyze(SqlFile.parse(text), FileContext.standalone(""));
    }

    public Analysis analyze(SqlFile file) {
        return analyze(file, FileContext.standalone(""));
    }

    /**
     * The schema {@code file} leaves behind, replayed without the rules: once each file's start is known
     * this way, a history's files can be judged in parallel.
     */
    public static SchemaModel schemaAfter(SqlFile file, FileContext context) {
        return new FileFacts(file, context).schemaAfter();
    }

    public Analysis analyze(SqlFile file, FileContext context) {
        FileFacts facts = new FileFacts(file, context);
        List<Finding> findings = new ArrayList<>();
        for (LexProblem problem : file.problems()) {
            findings.add(new Finding(LEX_PROBLEM, Severity.WARNING, problem.message() + ": the rest of the file is "
                    + "read as part of it", "Close the quote or comment.", problem.span(), List.of()));
        }
        Set<String> enabled = new HashSet<>();
        for (int r = 0; r < rules.size(); r++) {
            StatementRule rule = rules.get(r);
            RuleInfo info = infos.get(r);
            Optional<Severity> severity = Levels.of(context.settings(), info);
            if (severity.isEmpty()) {
                continue;
            }
            enabled.add(info.id());
            run(rule, info, new RuleContext(facts, info, severity.get(), findings), facts.changes(), findings);
        }
        Suppressions suppressions = new Suppressions(file, ruleIds);
        List<Finding> kept = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!suppressions.silences(f)) {
                kept.add(f);
            }
        }
        kept.addAll(suppressions.problems(enabled));
        kept.sort(Finding.IN_TEXT_ORDER);
        return new Analysis(file, List.copyOf(kept), facts.schemaAfter());
    }

    private static void run(StatementRule rule, RuleInfo info, RuleContext ctx, List<Change> changes, List<Finding> findings) {
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            ctx.moveTo(i);
            try {
                rule.check(change, ctx);
            } catch (RuntimeException | StackOverflowError e) {
                findings.add(new Finding(INTERNAL_ERROR, Severity.WARNING,
                        "miglint's rule " + info.id() + " failed on this statement (" + e + "); please report it",
                        "This is a bug in miglint, not in your migration.", change.span(), List.of()));
            }
        }
        ctx.moveTo(changes.size());
        try {
            rule.finish(ctx);
        } catch (RuntimeException | StackOverflowError e) {
            findings.add(new Finding(INTERNAL_ERROR, Severity.WARNING,
                    "miglint's rule " + info.id() + " failed at the end of the file (" + e + "); please report it",
                    "This is a bug in miglint, not in your migration.", new dev.miglint.text.Span(0, 0), List.of()));
        }
    }

    /** The schema a file leaves behind (down migrations undo nothing here); what the next migration starts from. */
    public static SchemaModel replay(SqlFile file, FileContext context) {
        return replayUntil(file, context, Integer.MAX_VALUE);
    }

    /**
     * The schema just before {@code file.allChanges().get(index)}: what that statement sees, and what
     * hovers describe. An index past the end gives the schema the file leaves behind.
     */
    public static SchemaModel replayUntil(SqlFile file, FileContext context, int index) {
        List<Change> changes = file.allChanges();
        boolean[] down = DownMigration.mark(context.path(), file, changes);
        SchemaModel schema = context.schemaAtStart();
        for (int i = 0; i < changes.size() && i < index; i++) {
            if (!down[i]) {
                schema = schema.apply(changes.get(i), context.path());
            }
        }
        return schema;
    }
}
