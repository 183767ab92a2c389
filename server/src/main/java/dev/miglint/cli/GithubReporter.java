package dev.miglint.cli;

import dev.miglint.rules.Finding;
import dev.miglint.text.LineIndex;

import java.io.PrintWriter;
import java.util.List;

/**
 * GitHub Actions workflow commands: one {@code ::error file=…,line=…::message} per finding, which
 * GitHub shows as an annotation on the pull request's diff; then the summary line for the log.
 */
final class GithubReporter implements Reporter {

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        for (FileResult result : results) {
            String file = result.path().toString().replace('\\', '/');
            for (Finding f : result.findings()) {
                LineIndex.Position s = result.lines().position(f.range().start());
                LineIndex.Position e = result.lines().position(f.range().end());
                out.printf("::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s%n", level(f),
                        property(file), s.line() + 1, s.character() + 1, e.line() + 1, e.character() + 1,
                        property(f.rule()), data(f.message() + " [" + f.rule() + "]"));
            }
        }
        out.println(Reporter.summary(results));
    }

    private static String level(Finding f) {
        return switch (f.severity()) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "notice";
        };
    }

    /** The message after {@code ::}: GitHub's escapeData. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A {@code key=value} property: GitHub's escapeProperty, which also escapes the separators. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
