package dev.miglint.project;

import dev.miglint.config.Runner;
import dev.miglint.config.Settings;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;

import java.util.ArrayList;
import java.util.List;

/**
 * The migrations of one project in the order they run: each file is analysed against the schema
 * that the files before it have built (DESIGN.md §3).
 */
public final class History {

    /** One migration, parsed, with the settings and runner that apply to it. */
    public record Entry(String path, SqlFile file, Settings settings, Runner detectedRunner) {
    }

    private History() {
    }

    /** The context of each entry, in the given (run) order; replaying costs one pass per file. */
    public static List<FileContext> contexts(List<Entry> ordered) {
        List<FileContext> contexts = new ArrayList<>(ordered.size());
        SchemaModel schema = SchemaModel.EMPTY;
        for (Entry entry : ordered) {
            Runner runner = entry.settings().runnerOr(entry.detectedRunner());
            FileContext context = new FileContext(entry.path(), entry.settings(), runner, schema);
            contexts.add(context);
            if (entry.file() != null) {
                schema = Analyzer.replay(entry.file(), context);
            }
        }
        return contexts;
    }
}
