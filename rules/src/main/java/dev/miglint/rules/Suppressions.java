package dev.miglint.rules;

import dev.miglint.change.Change;
import dev.miglint.rules.meta.IgnoreWithoutReason;
import dev.miglint.rules.meta.InvalidIgnore;
import dev.miglint.rules.meta.UnusedIgnore;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code -- miglint-ignore rule[, rule]: reason} silences those rules on the next statement;
 * {@code -- miglint-ignore-file rule: reason} on the whole file. An ignore naming an unknown rule
 * is reported, and so, at info level, is one that silenced nothing.
 */
public final class Suppressions {

    /** Reported for an ignore comment that names no known rule. */
    static final String INVALID_IGNORE = InvalidIgnore.ID;
    /** Reported (info) for an ignore comment that silenced nothing. */
    static final String UNUSED_IGNORE = UnusedIgnore.ID;
    /** Reported (info) for an ignore that gives no reason, or still the quick fix's placeholder. */
    static final String IGNORE_WITHOUT_REASON = IgnoreWithoutReason.ID;
    /** What the editor's ignore action inserts where the reason goes, for the user to type over. */
    public static final String REASON_PLACEHOLDER = "<reason>";

    private static final Pattern DIRECTIVE = Pattern.compile(
            "^(?:--|/\\*)\\s*miglint-ignore(-file)?(?=[\\s:]|$)\\s*([^:*]*?)\\s*(?::\\s*(.*?))?\\s*(?:\\*/)?\\s*$",
            Pattern.DOTALL);

    /** One ignore comment: which rules, over which text. */
    private record Directive(Span comment, List<String> rules, Span target, Set<String> used) {
    }

    private final List<Directive> directives = new ArrayList<>();
    private final List<Finding> problems = new ArrayList<>();

    Suppressions(SqlFile file, Set<String> knownRules) {
        if (!file.text().contains("miglint-ignore")) {
            return; // the common case, decided without looking at every comment
        }
        Set<Token> seen = new HashSet<>();
        for (Change change : file.allChanges()) {
            Statement statement = change.statement();
            for (Token comment : statement.leadingComments()) {
                if (seen.add(comment)) {
                    read(file.text(), comment, statement.span(), false, knownRules);
                }
            }
        }
        for (Token comment : file.comments()) {
            if (!seen.contains(comment)) {
                read(file.text(), comment, null, true, knownRules);
            }
        }
    }

    private void read(String text, Token comment, Span statement, boolean fileLevelOnly, Set<String> knownRules) {
        Matcher m = DIRECTIVE.matcher(comment.text(text));
        if (!m.matches()) {
            return;
        }
        boolean fileWide = m.group(1) != null;
        if (!fileWide && fileLevelOnly) {
            problems.add(new Finding(INVALID_IGNORE, Severity.WARNING, "This miglint-ignore is not on the line "
                    + "before a statement, so it silences nothing: move it above the statement",
                    "An ignore comment applies to the statement that follows it.",
                    new Span(comment.start(), comment.end()), List.of()));
            return;
        }
        Span target = fileWide ? new Span(0, text.length()) : statement;
        List<String> rules = new ArrayList<>();
        boolean named = false;
        for (String id : m.group(2).split("[,\\s]+")) {
            if (id.isBlank()) {
                continue;
            }
            named = true;
            if (knownRules.contains(id)) {
                rules.add(id);
            } else {
                problems.add(new Finding(INVALID_IGNORE, Severity.WARNING, "miglint-ignore names an unknown rule '"
                        + id + "': see `miglint rules` for the ids", "An ignore comment silences rules by id.",
                        new Span(comment.start(), comment.end()), List.of()));
            }
        }
        if (!named) {
            problems.add(new Finding(INVALID_IGNORE, Severity.WARNING,
                    "miglint-ignore names no rule: write `-- miglint-ignore <rule-id>: <reason>`",
                    "An ignore comment silences rules by id.", new Span(comment.start(), comment.end()), List.of()));
        }
        String reason = m.group(3) == null ? "" : m.group(3).strip();
        if (named && (reason.isEmpty() || reason.equals(REASON_PLACEHOLDER))) {
            problems.add(new Finding(IGNORE_WITHOUT_REASON, Severity.INFO, "Say why this ignore is safe: `-- miglint-ignore"
                    + (fileWide ? "-file " : " ") + String.join(", ", m.group(2).split("[,\\s]+")) + ": <why>`",
                    "The reason is what the next reviewer reads before trusting the ignored statement.",
                    new Span(comment.start(), comment.end()), List.of()));
        }
        if (!rules.isEmpty()) {
            directives.add(new Directive(new Span(comment.start(), comment.end()), rules, target, new LinkedHashSet<>()));
        }
    }

    /**
     * {@code findings} of rules judged outside the statement engine (a Drizzle folder's, reported on this
     * SQL file) without those this file's ignore comments silence, plus an unused-ignore for each ignore
     * of such a rule that silenced nothing. {@code judged}: the rules that were judged here.
     */
    public static List<Finding> applyTo(SqlFile file, List<Finding> findings, Set<String> judged) {
        if (!file.text().contains("miglint-ignore")) {
            return findings;
        }
        Suppressions suppressions = new Suppressions(file, Rules.IDS);
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (!suppressions.silences(f)) {
                kept.add(f);
            }
        }
        for (Directive d : suppressions.directives) {
            for (String rule : d.rules()) {
                if (judged.contains(rule) && !d.used().contains(rule)) {
                    kept.add(unused(rule, d));
                }
            }
        }
        return kept;
    }

    private static Finding unused(String rule, Directive d) {
        return new Finding(UNUSED_IGNORE, Severity.INFO, "This ignore of " + rule + " silences nothing: remove it",
                "An ignore that silences nothing hides nothing.", d.comment(), List.of());
    }

    /** True when an ignore covers {@code finding}; marks that ignore as used. */
    boolean silences(Finding finding) {
        boolean silenced = false;
        for (Directive d : directives) {
            if (d.rules().contains(finding.rule()) && d.target().start() <= finding.range().start()
                    && finding.range().start() < Math.max(d.target().end(), d.target().start() + 1)) {
                d.used().add(finding.rule());
                silenced = true;
            }
        }
        return silenced;
    }

    /** Invalid ignores, and ignores of enabled rules that silenced nothing. */
    List<Finding> problems(Set<String> enabledRules) {
        List<Finding> all = new ArrayList<>(problems);
        for (Directive d : directives) {
            for (String rule : d.rules()) {
                if (!d.used().contains(rule) && enabledRules.contains(rule)) {
                    all.add(unused(rule, d));
                }
            }
        }
        return all;
    }
}
