package dev.miglint.project;

import dev.miglint.models.ModelFile;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import dev.miglint.text.SortedStarts;
import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the CLI and the editor show of one file, judged inside its project: its findings at
 * their configured levels with ignores applied, in text order, and what hovers and the outline need.
 *
 * @param path       absolute and normalised
 * @param text       the text analysed (the editor's when open), or null when the file could not be read
 * @param sql        the parsed SQL of a SQL migration, else null
 * @param context    where a migration sits in its history: settings, runner, the schema it starts from
 * @param model      a model or schema file with the schema its migrations build, else null
 * @param units      what an ignore comment goes above: the statements of a SQL file, the op calls of a revision
 * @param statements how many statements were analysed (a revision counts the SQL its upgrade() runs)
 */
public record FileReport(Path path, FileKind kind, String text, List<Finding> findings, SqlFile sql,
                         FileContext context, ModelView model, List<Span> units, int statements) {

    /** A model file's declared tables beside the schema its project's migrations build. */
    public record ModelView(ModelFile models, SchemaModel migrated) {
    }

    public FileReport {
        findings = List.copyOf(findings);
        units = List.copyOf(units);
    }

    /** The start of the unit (statement, op call) holding {@code offset}, or -1 for a finding about the whole file. */
    public int unitStart(int offset) {
        int after = SortedStarts.firstAtOrAfter(units, Span::start, offset + 1);
        Span found = after == 0 ? null : units.get(after - 1);
        return found != null && offset < Math.max(found.end(), found.start() + 1) ? found.start() : -1;
    }
}
