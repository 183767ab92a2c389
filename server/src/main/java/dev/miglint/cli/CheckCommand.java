package dev.miglint.cli;

import com.google.gson.stream.JsonWriter;
import dev.miglint.project.ConfigResolver;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Severity;
import dev.miglint.rules.TextEdit;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** {@code miglint check}: analyse files and report findings as text or JSON. */
final class CheckCommand {

    private CheckCommand() {
    }

    static int run(Main.Options options, PrintWriter out, PrintStream err) throws SourceFiles.UsageError {
        ConfigResolver configs = new ConfigResolver(null);
        List<FileResult> results = ProjectRun.analyze(options.paths(), Analyzer.withAllRules(), configs);
        out.flush();
        configs.problems().forEach(problem -> err.println("miglint: " + problem));
        if (options.format().equals("json")) {
            writeJson(results, out);
        } else {
            writeText(results, out);
        }
        boolean errors = results.stream().flatMap(r -> r.findings().stream())
                .anyMatch(f -> f.severity() == Severity.ERROR);
        return errors ? Main.FINDINGS : Main.OK;
    }

    private static void writeText(List<FileResult> results, PrintWriter out) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        int statements = 0;
        for (FileResult result : results) {
            statements += result.statements();
            for (Finding f : result.findings()) {
                LineIndex.Position p = result.lines().position(f.range().start());
                out.printf("%s:%d:%d: %s: %s [%s]%n", result.path(), p.line() + 1, p.character() + 1,
                        f.severity().label(), f.message(), f.rule());
                switch (f.severity()) {
                    case ERROR -> errors++;
                    case WARNING -> warnings++;
                    case INFO -> infos++;
                }
            }
        }
        out.printf("%d %s, %d %s, %d %s in %d %s (%d statements)%n", errors, plural(errors, "error"), warnings,
                plural(warnings, "warning"), infos, plural(infos, "info"), results.size(),
                plural(results.size(), "file"), statements);
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static void writeJson(List<FileResult> results, PrintWriter out) {
        try {
            JsonWriter json = new JsonWriter(out);
            json.beginObject().name("findings").beginArray();
            int findings = 0;
            int statements = 0;
            for (FileResult result : results) {
                statements += result.statements();
                for (Finding f : result.findings()) {
                    findings++;
                    json.beginObject();
                    json.name("file").value(result.path().toString());
                    json.name("rule").value(f.rule());
                    json.name("severity").value(f.severity().label());
                    json.name("message").value(f.message());
                    json.name("range");
                    Json.range(json, result.lines(), f.range().start(), f.range().end());
                    json.name("fixes").beginArray();
                    for (Fix fix : f.fixes()) {
                        json.beginObject().name("title").value(fix.title()).name("edits").beginArray();
                        for (TextEdit edit : fix.edits()) {
                            json.beginObject().name("range");
                            Json.range(json, result.lines(), edit.start(), edit.end());
                            json.name("newText").value(edit.newText()).endObject();
                        }
                        json.endArray().endObject();
                    }
                    json.endArray();
                    json.endObject();
                }
            }
            json.endArray();
            json.name("summary").beginObject()
                    .name("files").value(results.size())
                    .name("statements").value(statements)
                    .name("findings").value(findings)
                    .endObject();
            json.endObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
