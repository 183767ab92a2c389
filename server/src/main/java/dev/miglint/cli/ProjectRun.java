package dev.miglint.cli;

import dev.miglint.project.FileReport;
import dev.miglint.project.ProjectService;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<FileResult> out = new ArrayList<>(reports.size());
        for (FileReport r : reports) {
            out.add(FileResult.of(shown(r.path(), arguments), r));
        }
        return out;
    }

    /** {@code file} as the command line named it: the argument itself, or below the folder argument that holds it. */
    static Path shown(Path file, List<String> arguments) {
        Path best = null;
        for (String argument : arguments) {
            Path given = Path.of(argument);
            Path absolute = given.toAbsolutePath().normalize();
            if (file.equals(absolute)) {
                return given;
            }
            if (file.startsWith(absolute) && (best == null || absolute.getNameCount() > best.toAbsolutePath().normalize().getNameCount())) {
                best = given;
            }
        }
        if (best == null) {
            return file;
        }
        return best.resolve(best.toAbsolutePath().normalize().relativize(file));
    }
}
