package dev.miglint.cli;

import dev.miglint.rules.Finding;

import java.io.PrintWriter;
import java.util.List;

/** {@code path:line:col: severity: message [rule]}, 1-based, then a summary line. */
final class TextReporter implements Reporter {

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        for (FileResult result : results) {
            for (Finding f : result.findings()) {
                LineIndex.Position p = result.lines().position(f.range().start());
                out.printf("%s:%d:%d: %s: %s [%s]%n", result.path(), p.line() + 1, p.character() + 1,
                        f.severity().label(), f.message(), f.rule());
            }
        }
        out.println(Reporter.summary(results));
    }
}
