package dev.miglint.cli;

import dev.miglint.text.LineIndex;

import dev.miglint.config.Settings;
import dev.miglint.rules.drizzle.DrizzleChecks;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.Discovery;
import dev.miglint.project.MigrationOrder;
import dev.miglint.project.Runners;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import dev.miglint.rules.FileContext;
import dev.miglint.schema.SchemaModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses what a command names: the files under each path argument are split into migration
 * histories (one per migrations folder), each put in run order, so every file is analysed against
 * the schema the earlier ones of its history built. Histories run in parallel.
 */
final class ProjectRun {

    private ProjectRun() {
    }

    static List<FileResult> analyze(List<String> arguments, Analyzer analyzer, ConfigResolver configs)
            throws SourceFiles.UsageError {
        return analyze(arguments, analyzer, configs, Map.of());
    }

    /** As {@link #analyze(List, Analyzer, ConfigResolver)}, reading the files in {@code texts} from there, not disk. */
    static List<FileResult> analyze(List<String> arguments, Analyzer analyzer, ConfigResolver configs,
                                    Map<Path, String> texts) throws SourceFiles.UsageError {
        List<List<Path>> histories = new ArrayList<>();
        List<Path> models = new ArrayList<>();
        List<Path> schemas = new ArrayList<>();
        for (String argument : arguments) {
            List<Path> files = SourceFiles.collect(List.of(argument));
            boolean named = Files.isRegularFile(Path.of(argument));
            // A file named on the command line is always checked; config globs filter folder walks.
            List<Path> kept = named ? files : files.stream().filter(configs::includes).toList();
            Map<Path, List<Path>> byHistory = new LinkedHashMap<>();
            for (Path file : kept) {
                if (Discovery.isModelFile(file) && !Discovery.isAlembicRevision(file)) {
                    models.add(file);
                    continue;
                }
                if (Discovery.isTypeScript(file)) {
                    schemas.add(file);
                    continue;
                }
                byHistory.computeIfAbsent(MigrationOrder.historyOf(file), h -> new ArrayList<>()).add(file);
            }
            byHistory.values().forEach(history -> histories.add(MigrationOrder.sort(history)));
        }
        // Histories are independent, so they run in parallel; within one, each file is read, parsed and
        // analysed in run order against the schema the files before it left.
        List<List<FileResult>> results;
        try {
            results = histories.parallelStream()
                    .map(history -> withDrizzleChecks(analyzeHistory(history, analyzer, configs, texts), configs))
                    .toList();
        } catch (UsageFailure e) {
            throw e.error;
        }
        List<FileResult> all = new ArrayList<>();
        results.forEach(all::addAll);
        for (Path model : models) {
            all.add(ModelFiles.check(parse(model, texts), configs));
        }
        List<FileResult.Parsed> parsedSchemas = new ArrayList<>();
        for (Path schema : schemas) {
            parsedSchemas.add(parse(schema, texts));
        }
        all.addAll(DrizzleSchemas.check(parsedSchemas, configs));
        return all;
    }

    private static List<FileResult> analyzeHistory(List<Path> history, Analyzer analyzer, ConfigResolver configs,
                                                   Map<Path, String> texts) {
        List<FileResult.Parsed> parsed = new ArrayList<>(history.size());
        for (Path path : history) {
            parsed.add(parse(path, texts));
        }
        AlembicProject alembic = AlembicProject.of(parsed);
        if (alembic != null) {
            parsed = alembic.inRunOrder();
        }
        List<FileResult> results = new ArrayList<>(history.size());
        SchemaModel schema = SchemaModel.EMPTY;
        for (FileResult.Parsed file : parsed) {
            Path path = file.path();
            Settings settings = configs.settingsFor(path);
            FileContext context = new FileContext(path.toString(), settings,
                    settings.runnerOr(Runners.detect(path)), schema);
            FileResult result = alembic == null ? FileResult.of(file, context, analyzer)
                    : FileResult.of(file, context, analyzer, alembic.version(settings)).with(alembic.findings(path, settings));
            if (result.analysis() != null) {
                schema = result.analysis().schemaAfter();
            }
            results.add(result);
        }
        return results;
    }

    /**
     * A Drizzle migrations folder (it holds {@code meta/_journal.json}) is also checked as a whole:
     * journal against files, journal order, the snapshot chain. A finding on the journal or a
     * snapshot becomes a result of that JSON file.
     */
    private static List<FileResult> withDrizzleChecks(List<FileResult> history, ConfigResolver configs) {
        if (history.isEmpty()) {
            return history;
        }
        Path folder = MigrationOrder.historyOf(history.get(0).path());
        if (!Files.isRegularFile(folder.resolve("meta/_journal.json"))) {
            return history;
        }
        Map<Path, List<Finding>> findings;
        try {
            findings = new LinkedHashMap<>(DrizzleChecks.check(folder));
        } catch (java.io.UncheckedIOException e) {
            return history;
        }
        Map<Path, List<Finding>> byFile = new LinkedHashMap<>();
        findings.forEach((p, fs) -> byFile.put(p.toAbsolutePath().normalize(), fs));
        List<FileResult> out = new ArrayList<>();
        for (FileResult r : history) {
            List<Finding> mine = byFile.remove(r.path().toAbsolutePath().normalize());
            out.add(mine == null ? r : r.with(configs.settingsFor(r.path()).atConfiguredLevels(mine)));
        }
        Path absoluteFolder = folder.toAbsolutePath().normalize();
        byFile.forEach((absolute, fs) -> {
            if (fs.isEmpty()) {
                return;
            }
            // Shown as the command line named the folder, like the .sql files beside it.
            Path file = absolute.startsWith(absoluteFolder) ? folder.resolve(absoluteFolder.relativize(absolute)) : absolute;
            FileResult.Parsed json;
            try {
                json = FileResult.Parsed.of(file);
            } catch (SourceFiles.UsageError e) {
                return;
            }
            out.add(new FileResult(file, json.text(), null, new LineIndex(json.text() == null ? "" : json.text()),
                    configs.settingsFor(file).atConfiguredLevels(fs)));
        });
        return out;
    }

    private static FileResult.Parsed parse(Path path, Map<Path, String> texts) {
        String text = texts.get(path);
        try {
            return text != null ? FileResult.Parsed.ofText(path, text) : FileResult.Parsed.of(path);
        } catch (SourceFiles.UsageError e) {
            throw new UsageFailure(e);
        }
    }

    /** Carries a checked UsageError out of a stream. */
    private static final class UsageFailure extends RuntimeException {
        final SourceFiles.UsageError error;

        UsageFailure(SourceFiles.UsageError error) {
            super(error.getMessage(), null, false, false);
            this.error = error;
        }
    }
}
