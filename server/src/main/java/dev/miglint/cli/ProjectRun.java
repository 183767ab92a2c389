package dev.miglint.cli;

import dev.miglint.project.FileReport;
import dev.miglint.project.ProjectService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The project service's reports of what a command names, under the paths as the user wrote them. */
final class ProjectRun {

    private ProjectRun() {
    }

    static List<FileResult> analyze(List<String> arguments, ProjectService service) throws SourceFiles.UsageError {
        List<FileReport> reports;
        try {
            reports = service.analyze(arguments.stream().map(Path::of).toList());
        } catch (ProjectService.NotFound e) {
            throw new SourceFiles.UsageError(e.getMessage());
        }
        Shown shown = new Shown(arguments);
        // Each file's line index is its own work: built on both cores.
        return reports.parallelStream().map(r -> FileResult.of(shown.of(r.path()), r)).toList();
    }

    /** Files as the command line named them: the argument itself, or below the folder argument that holds it. */
    private static final class Shown {
        private final Map<Path, Path> given = new HashMap<>();
        private final List<Path> folders = new ArrayList<>();

        Shown(List<String> arguments) {
            for (String argument : arguments) {
                Path path = Path.of(argument);
                Path absolute = path.toAbsolutePath().normalize();
                given.putIfAbsent(absolute, path);
                if (Files.isDirectory(absolute)) {
                    folders.add(absolute);
                }
            }
            // The deepest folder wins: a file is shown below the most specific argument holding it.
            folders.sort((a, b) -> Integer.compare(b.getNameCount(), a.getNameCount()));
        }

        Path of(Path file) {
            Path exact = given.get(file);
            if (exact != null) {
                return exact;
            }
            for (Path folder : folders) {
                if (file.startsWith(folder)) {
                    return given.get(folder).resolve(folder.relativize(file));
                }
            }
            return file;
        }
    }
}
