package dev.miglint.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Writes the findings of a {@code check} run in one output format. */
interface Reporter {

    /** The names {@code --format} accepts for {@code check}, in the order the help lists them. */
    List<String> FORMATS = List.of("text", "json", "sarif", "github");

    void report(List<FileResult> results, PrintWriter out);

    static Reporter forFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> new JsonReporter();
            case "sarif" -> new SarifReporter();
            case "github" -> new GithubReporter();
            default -> new TextReporter();
        };
    }

    /** "N errors, N warnings, N infos in N files (N statements)": the last line of text-like reports. */
    static String summary(List<FileResult> results) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int statements = 0;
        for (FileResult result : results) {
            statements += result.statements();
            for (var f : result.findings()) {
                switch (f.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    case INFO -> infos++;
                }
            }
        }
        return String.format(Locale.ROOT, "%d %s, %d %s, %d %s in %d %s (%d statements)", errors,
                plural(errors, "error"), warnings, plural(warnings, "warning"), infos, plural(infos, "info"),
                results.size(), plural(results.size(), "file"), statements);
    }

    static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }
}
