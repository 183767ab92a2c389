package dev.miglint.rules;

import dev.miglint.rules.meta.UnusedIgnore;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ignore comments of a Python file (a revision, a model file) for the findings of rules judged
 * outside the statement engine: {@code # miglint-ignore-file <rule>: reason} anywhere, or
 * {@code # miglint-ignore <rule>: reason} on the line just above the finding. The SQL rules' ignores in
 * a revision go through its SQL script instead.
 */
public final class PythonIgnores {

    private static final Pattern DIRECTIVE = Pattern.compile("(?m)^[ \\t]*#[ \\t]*miglint-ignore(-file)?[ \\t]+([^:\\n]*)");

    private record Directive(Span comment, boolean fileWide, int lineEnd, List<String> rules, Set<String> used) {
    }

    private PythonIgnores() {
    }

    /**
     * {@code findings} without those the comments of {@code text} silence, plus an unused-ignore for
     * each ignore of a {@code judged} rule that silenced nothing.
     */
    public static List<Finding> apply(List<Finding> findings, String text, Set<String> judged) {
        if (!text.contains("miglint-ignore")) {
            return findings;
        }
        List<Directive> directives = directives(text);
        List<Finding> kept = new ArrayList<>();
        for (Finding f : findings) {
            if (!silenced(f, text, directives)) {
                kept.add(f);
            }
        }
        for (Directive d : directives) {
            for (String rule : d.rules()) {
                if (judged.contains(rule) && !d.used().contains(rule)) {
                    kept.add(new Finding(UnusedIgnore.ID, Severity.INFO, "This ignore of " + rule
                            + " silences nothing: remove it", "An ignore that silences nothing hides nothing.",
                            d.comment(), List.of()));
                }
            }
        }
        return kept;
    }

    private static List<Directive> directives(String text) {
        List<Directive> out = new ArrayList<>();
        Matcher m = DIRECTIVE.matcher(text);
        while (m.find()) {
            int lineEnd = text.indexOf('\n', m.start());
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            int hash = text.indexOf('#', m.start());
            List<String> rules = new ArrayList<>();
            for (String id : m.group(2).strip().split("[,\\s]+")) {
                if (!id.isEmpty()) {
                    rules.add(id);
                }
            }
            out.add(new Directive(new Span(hash, lineEnd), m.group(1) != null, lineEnd, rules, new LinkedHashSet<>()));
        }
        return out;
    }

    /** A file-wide ignore naming the rule, or one on the line just above the finding's line. */
    private static boolean silenced(Finding f, String text, List<Directive> directives) {
        int findingLine = text.lastIndexOf('\n', Math.max(0, f.range().start() - 1));
        boolean silenced = false;
        for (Directive d : directives) {
            boolean covers = d.fileWide() || findingLine > 0 && d.lineEnd() == findingLine;
            if (covers && d.rules().contains(f.rule())) {
                d.used().add(f.rule());
                silenced = true;
            }
        }
        return silenced;
    }
}
