package dev.miglint.cli;

import dev.miglint.rules.Rule;
import dev.miglint.rules.Rules;
import dev.miglint.rules.docs.RuleDocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code miglint explain <rule>}: the rule's docs page. The build copies {@code docs/rules/*.md}
 * into the jar, so this prints the very page the docs test keeps up to date; without it (a build
 * that skipped the copy) the page is rendered from the metadata alone, without the fixture example.
 */
final class ExplainCommand {

    private ExplainCommand() {
    }

    static int run(List<String> args, PrintWriter out) throws SourceFiles.UsageError {
        if (args.size() != 1) {
            throw new SourceFiles.UsageError("explain takes one rule id (try: miglint explain require-if-not-exists)");
        }
        String id = args.get(0);
        Optional<Rule> rule = Rules.byId(id);
        if (rule.isEmpty()) {
            throw new SourceFiles.UsageError("unknown rule '" + id + "'" + suggestions(id));
        }
        out.print(page(rule.get()));
        return Main.OK;
    }


    static String page(Rule rule) {
        String resource = "/docs/rules/" + rule.info().id() + ".md";
        try (InputStream in = ExplainCommand.class.getResourceAsStream(resource)) {
            if (in != null) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return RuleDocs.render(rule, null, null);
    }

    private static String suggestions(String id) {
        List<String> close = Rules.ALL.stream().map(Rule::id)
                .filter(known -> distance(known, id) <= Math.max(3, id.length() / 3)
                        || known.contains(id) || id.contains(known))
                .sorted(Comparator.comparingInt(known -> distance(known, id)))
                .limit(5)
                .toList();
        return close.isEmpty() ? " (list them with: miglint rules)" : "; did you mean " + String.join(", ", close) + "?";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
