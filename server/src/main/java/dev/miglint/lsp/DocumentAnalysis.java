package dev.miglint.lsp;

import dev.miglint.project.FileReport;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.sql.SqlFile;
import org.eclipse.lsp4j.Diagnostic;

import java.util.List;

/**
 * The project service's report of one snapshot under one generation of the project's inputs, and its
 * diagnostics, converted once.
 *
 * @param report   null when the document was declined
 * @param declined why the document was not analysed, or null
 */
record DocumentAnalysis(Snapshot snapshot, long generation, FileReport report, List<Finding> findings,
                        String declined, List<Diagnostic> diagnostics) {

    boolean isFor(Snapshot other, long currentGeneration) {
        return generation == currentGeneration && snapshot.uri().equals(other.uri())
                && snapshot.version() == other.version() && snapshot.text() == other.text();
    }

    /** The parsed SQL of a SQL document, else null: statement hovers, the outline and definitions need it. */
    SqlFile file() {
        return report == null ? null : report.sql();
    }

    FileContext context() {
        return report == null ? null : report.context();
    }

    FileReport.ModelView model() {
        return report == null ? null : report.model();
    }
}
