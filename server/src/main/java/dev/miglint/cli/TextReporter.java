package dev.miglint.cli;

import dev.miglint.rules.Finding;
import dev.miglint.text.LineIndex;

import java.io.PrintWriter;
import java.util.List;

/** {@code path:line:col: severity: message [rule]}, 1-based, then a summary line. */
final class TextReporter implements Reporter {

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        StringBuilder line = new StringBuilder(256);
        for (FileResult result : results) {
            String path = result.path().toString();
            for (Finding f : result.findings()) {
                LineIndex.Position p = result.lines().position(f.range().start());
                // Built by hand: printf's format parsing is a measurable share of a 9,000-line report.
                line.setLength(0);
                line.append(path).append(':').append(p.line() + 1).append(':').append(p.character() + 1)
                        .append(": ").append(f.severity().label()).append(": ").append(f.message())
                        .append(" [").append(f.rule()).append(']');
                out.println(line);
            }
        }
        out.println(Reporter.summary(results));
    }
}
