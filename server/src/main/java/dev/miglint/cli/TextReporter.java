package dev.miglint.cli;

import dev.miglint.rules.Finding;
import dev.miglint.text.LineIndex;

import java.io.PrintWriter;
import java.util.List;

/** {@code path:line:col: severity: message [rule]}, 1-based, then a summary line. */
final class TextReporter implements Reporter {

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        for (FileResult result : results) {
            String path = result.path().toString();
            for (Finding f : result.findings()) {
                LineIndex.Position p = result.lines().position(f.range().start());
                // Written piece by piece: printf's format parsing, or one builder that turns UTF-16 at the
                // first "…" of a message, is a measurable share of a 9,000-line report.
                out.write(path);
                out.write(':');
                out.print(p.line() + 1);
                out.write(':');
                out.print(p.character() + 1);
                out.write(": ");
                out.write(f.severity().label());
                out.write(": ");
                out.write(f.message());
                out.write(" [");
                out.write(f.rule());
                out.write(']');
                out.println();
            }
        }
        out.println(Reporter.summary(results));
    }
}
