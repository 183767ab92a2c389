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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Analyses what a command names: the files under each path argument are split into migration
 * histories (one per migrations folder), each put in run order and replayed, so every file sees the
 * schema the earlier ones of its history built. Reading, parsing and
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
        List<List<Path>> histories = new ArrayList<>();
        for (String argument : arguments) {
            List<Path> files = SourceFiles.collect(List.of(argument));
            boolean named = Files.isRegularFile(Path.of(argument));
            // A file named on the command line is always checked; config globs filter folder walks.
            List<Path> kept = named ? files : files.stream().filter(configs::includes).toList();
            Map<Path, List<Path>> byHistory = new LinkedHashMap<>();
            for (Path file : kept) {
                byHistory.computeIfAbsent(MigrationOrder.historyOf(file), h -> new ArrayList<>()).add(file);
            }
            byHistory.values().forEach(history -> histories.add(MigrationOrder.sort(history)));
        }
        List<Path> all = histories.stream().flatMap(List::stream).toList();
        List<FileResult.Parsed> parsed = parseAll(all, texts);

        // Histories replay independently of each other, so in parallel; within one, in run order.
        int[] firstOf = new int[histories.size()];
        for (int h = 1; h < histories.size(); h++) {
            firstOf[h] = firstOf[h - 1] + histories.get(h - 1).size();
        }
        FileContext[] contexts = new FileContext[all.size()];
        IntStream.range(0, histories.size()).parallel().forEach(h -> {
            List<Path> history = histories.get(h);
            List<History.Entry> entries = new ArrayList<>(history.size());
            for (int i = 0; i < history.size(); i++) {
                Path path = history.get(i);
                entries.add(new History.Entry(path.toString(), parsed.get(firstOf[h] + i).file(),
                        configs.settingsFor(path), Runners.detect(path)));
            }
            List<FileContext> replayed = History.contexts(entries);
            for (int i = 0; i < replayed.size(); i++) {
                contexts[firstOf[h] + i] = replayed.get(i);
            }
        });
        return IntStream.range(0, all.size()).parallel()
                .mapToObj(i -> FileResult.of(parsed.get(i), contexts[i], analyzer))
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
