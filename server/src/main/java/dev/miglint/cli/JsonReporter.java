package dev.miglint.cli;

import com.google.gson.stream.JsonWriter;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.text.TextEdit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** miglint's own JSON: findings with 0-based LSP-style ranges and their fixes, then a summary. */
final class JsonReporter implements Reporter {

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        try {
            JsonWriter json = new JsonWriter(out);
            json.beginObject().name("findings").beginArray();
            int findings = 0;
            int statements = 0;
            for (FileResult result : results) {
                statements += result.statements();
                for (Finding f : result.findings()) {
                    findings++;
                    writeFinding(json, result, f);
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

    private static void writeFinding(JsonWriter json, FileResult result, Finding f) throws IOException {
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
