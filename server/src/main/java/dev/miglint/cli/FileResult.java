package dev.miglint.cli;

import dev.miglint.project.FileReport;
import dev.miglint.rules.Finding;
import dev.miglint.text.LineIndex;

import java.nio.file.Path;
import java.util.List;

/**
 * One file's report as the command line shows it: under the path as the user named it (or below the
 * folder they named), with the line index that turns offsets into lines and columns.
 */
record FileResult(Path path, FileReport report, LineIndex lines) {

    static FileResult of(Path shown, FileReport report) {
        return new FileResult(shown, report, new LineIndex(report.text() == null ? "" : report.text()));
    }

    List<Finding> findings() {
        return report.findings();
    }

    /** The text analysed, or null when the file could not be read. */
    String text() {
        return report.text();
    }

    int statements() {
        return report.statements();
    }
}
