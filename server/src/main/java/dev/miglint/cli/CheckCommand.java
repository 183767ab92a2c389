package dev.miglint.cli;

import dev.miglint.config.SettingsLayer;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.ProjectService;
import dev.miglint.rules.Severity;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;

/** {@code miglint check}: analyse files and report findings in the chosen format. */
final class CheckCommand {

    private CheckCommand() {
    }

    static int run(Main.Options options, PrintWriter out, PrintStream err) throws SourceFiles.UsageError {
        ConfigResolver configs = new ConfigResolver(SettingsLayer.ofRules(options.ruleLevels()), List.of());
        List<FileResult> results = ProjectRun.analyze(options.paths(), new ProjectService(configs, ProjectService.Mode.RUN));
        out.flush();
        configs.problems().forEach(problem -> err.println("miglint: " + problem));
        Reporter.forFormat(options.format()).report(results, out);
        return hasErrors(results) ? Main.FINDINGS : Main.OK;
    }

    static boolean hasErrors(List<FileResult> results) {
        return results.stream().flatMap(r -> r.findings().stream()).anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
