package dev.miglint.lsp;

import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.sql.SqlFile;
import org.eclipse.lsp4j.Diagnostic;

import java.util.List;

/**
 * The findings for one snapshot under one settings generation, and their diagnostics, converted once.
 *
 * @param file     null when the document was declined or could not be read
 * @param context  where it sits in its project (null when declined or unreadable)
 * @param basis    the workspace index entry the context came from ({@link ProjectContexts#basis})
 * @param declined why the document was not analysed, or null
 * @param model    for a model file, its classes and the schema its migrations build; else null
 */
record DocumentAnalysis(Snapshot snapshot, long generation, SqlFile file, FileContext context, Object basis,
                        List<Finding> findings, String declined,
                        List<Diagnostic> diagnostics, ModelView model) {

    /** A model file beside the schema its project's migrations build. */
    record ModelView(dev.miglint.models.ModelFile models, dev.miglint.schema.SchemaModel migrated) {
    }

    DocumentAnalysis(Snapshot snapshot, long generation, SqlFile file, FileContext context, Object basis,
                     List<Finding> findings, String declined, List<Diagnostic> diagnostics) {
        this(snapshot, generation, file, context, basis, findings, declined, diagnostics, null);
    }

    boolean isFor(Snapshot other, long currentGeneration) {
        return generation == currentGeneration && snapshot.uri().equals(other.uri())
                && snapshot.version() == other.version() && snapshot.text() == other.text();
    }
}
