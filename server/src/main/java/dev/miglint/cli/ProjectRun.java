package dev.miglint.cli;

import dev.miglint.project.ConfigResolver;
import dev.miglint.project.History;
import dev.miglint.project.MigrationOrder;
import dev.miglint.project.Runners;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Analyses what a command names: each path argument is one project whose files are put in run
 * order and replayed, so every file sees the schema the earlier ones built. Reading, parsing and
 * the rules run in parallel; only the cheap replay is sequential.
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
        List<List<Path>> groups = new ArrayList<>();
        for (String argument : arguments) {
            List<Path> files = SourceFiles.collect(List.of(argument));
            boolean named = Files.isRegularFile(Path.of(argument));
            // A file named on the command line is always checked; config globs filter folder walks.
            groups.add(MigrationOrder.sort(named ? files : files.stream().filter(configs::includes).toList()));
        }
        List<Path> all = groups.stream().flatMap(List::stream).toList();
        List<FileResult.Parsed> parsed = parseAll(all, texts);

        List<FileContext> contexts = new ArrayList<>(all.size());
        int next = 0;
        for (List<Path> group : groups) {
            List<History.Entry> entries = new ArrayList<>(group.size());
            for (Path path : group) {
                FileResult.Parsed p = parsed.get(next++);
                entries.add(new History.Entry(path.toString(), p.file(), configs.settingsFor(path), Runners.detect(path)));
            }
            contexts.addAll(History.contexts(entries));
        }
        return IntStream.range(0, all.size()).parallel()
                .mapToObj(i -> FileResult.of(parsed.get(i), contexts.get(i), analyzer))
                .toList();
    }

    private static List<FileResult.Parsed> parseAll(List<Path> files, Map<Path, String> texts)
            throws SourceFiles.UsageError {
        try {
            return files.parallelStream().map(path -> {
                try {
                    String text = texts.get(path);
                    return text != null ? FileResult.Parsed.ofText(path, text) : FileResult.Parsed.of(path);
                } catch (SourceFiles.UsageError e) {
                    throw new UsageFailure(e);
                }
            }).toList();
        } catch (UsageFailure e) {
            throw e.error;
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
