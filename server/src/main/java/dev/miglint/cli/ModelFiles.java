package dev.miglint.cli;

import dev.miglint.text.LineIndex;

import dev.miglint.project.AlembicReplay;
import dev.miglint.config.Settings;
import dev.miglint.rules.models.ModelDrift;
import dev.miglint.models.ModelFile;
import dev.miglint.models.ModelReader;
import dev.miglint.project.ConfigResolver;
import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model files (SQLModel / SQLAlchemy classes) compared with the schema their project's Alembic
 * history builds: the revisions of the project folder around the model file, replayed in run order.
 */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The drift findings of one model file, at the levels its settings give; none outside an Alembic project. */
    static FileResult check(FileResult.Parsed parsed, ConfigResolver configs) {
        LineIndex lines = new LineIndex(parsed.text() == null ? "" : parsed.text());
        if (parsed.text() == null) {
            return FileResult.of(parsed, null, null);
        }
        Map<Path, String> revisions = revisionsAround(parsed.path());
        ModelFile models = ModelReader.read(parsed.text());
        if (revisions.isEmpty() || models.tables().isEmpty()) {
            return new FileResult(parsed.path(), parsed.text(), null, lines, List.of());
        }
        SchemaModel migrated = AlembicReplay.replay(revisions);
        Settings settings = configs.settingsFor(parsed.path());
        List<Finding> findings = ModelDrift.check(parsed.path(), models, migrated, settings.enabled(ModelDrift.ALL));
        return new FileResult(parsed.path(), parsed.text(), null, lines, settings.atConfiguredLevels(findings));
    }

    /** The Alembic revisions of the project around {@code modelFile}, path → text. */
    private static Map<Path, String> revisionsAround(Path modelFile) {
        Map<Path, String> texts = new LinkedHashMap<>();
        for (Path p : AlembicReplay.revisionsAround(modelFile)) {
            try {
                texts.put(p, Files.readString(p));
            } catch (IOException | UncheckedIOException e) {
                // unreadable: not part of the history
            }
        }
        return texts;
    }
}
