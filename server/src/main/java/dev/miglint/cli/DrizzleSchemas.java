package dev.miglint.cli;

import dev.miglint.text.LineIndex;

import dev.miglint.config.Settings;
import dev.miglint.rules.models.DrizzleDrift;
import dev.miglint.project.DrizzleSchemaFiles;
import dev.miglint.project.ConfigResolver;
import dev.miglint.rules.Finding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drizzle {@code schema.ts} files compared with their project's migrations folder: one result per
 * file that imports drizzle-orm/pg-core; other TypeScript files are not migrations and are dropped.
 */
final class DrizzleSchemas {

    private DrizzleSchemas() {
    }

    static List<FileResult> check(List<FileResult.Parsed> files, ConfigResolver configs) {
        Map<Path, List<FileResult.Parsed>> byProject = new LinkedHashMap<>();
        for (FileResult.Parsed file : files) {
            if (file.text() != null && DrizzleSchemaFiles.isSchemaFile(file.path(), file.text())) {
                byProject.computeIfAbsent(DrizzleSchemaFiles.projectOf(file.path()), r -> new ArrayList<>()).add(file);
            }
        }
        List<FileResult> out = new ArrayList<>();
        byProject.forEach((root, schemaFiles) -> {
            Map<Path, String> texts = new LinkedHashMap<>();
            DrizzleSchemaFiles.schemaFiles(root).forEach((p, t) -> texts.put(p.toAbsolutePath().normalize(), t));
            schemaFiles.forEach(f -> texts.put(f.path().toAbsolutePath().normalize(), f.text()));
            Settings settings = configs.settingsFor(schemaFiles.get(0).path());
            Map<Path, List<Finding>> findings = DrizzleSchemaFiles.check(root, texts, settings.enabled(DrizzleDrift.ALL));
            for (FileResult.Parsed f : schemaFiles) {
                List<Finding> mine = findings.getOrDefault(f.path().toAbsolutePath().normalize(), List.of());
                out.add(new FileResult(f.path(), f.text(), null, new LineIndex(f.text()),
                        configs.settingsFor(f.path()).atConfiguredLevels(mine)));
            }
        });
        return out;
    }
}
