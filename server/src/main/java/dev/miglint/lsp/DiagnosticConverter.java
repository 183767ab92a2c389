package dev.miglint.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.miglint.cli.RuleLinks;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.text.TextEdit;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.syntax.Statement;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Findings → LSP diagnostics. Each carries in {@code data} everything its code actions need, in
 * UTF-16 offsets of the analysed version (compact: a large file has hundreds of diagnostics, resent
 * on every keystroke): <code>{"version":7,"statement":120,"fixes":[{"title":"…","edits":[[start,end,"text"]]}]}</code>.
 * {@code statement} is where the finding's statement starts, absent for a finding about the whole file.
 */
final class DiagnosticConverter {

    static final String SOURCE = "miglint";

    private DiagnosticConverter() {
    }


    /** @param statementStart where the statement holding an offset starts, or -1 (a finding about the whole file) */
    static List<Diagnostic> toDiagnostics(Snapshot snapshot, List<Finding> findings, IntUnaryOperator statementStart) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(toDiagnostic(snapshot, f, statementStart));
        }
        return List.copyOf(out);
    }

    private static Diagnostic toDiagnostic(Snapshot snapshot, Finding f, IntUnaryOperator statementStart) {
        Diagnostic d = new Diagnostic(Positions.range(snapshot.lines(), f.range()), f.message(), severity(f.severity()),
                SOURCE, f.rule());
        if (Rules.IDS.contains(f.rule())) {
            d.setCodeDescription(new DiagnosticCodeDescription(RuleLinks.docsPage(f.rule())));
        }
        JsonObject data = new JsonObject();
        data.addProperty("version", snapshot.version());
        int statement = statementStart.applyAsInt(f.range().start());
        if (statement >= 0) {
            data.addProperty("statement", statement);
        }
        JsonArray fixes = new JsonArray();
        for (Fix fix : f.fixes()) {
            JsonObject json = new JsonObject();
            json.addProperty("title", fix.title());
            JsonArray edits = new JsonArray();
            for (TextEdit e : fix.edits()) {
                JsonArray edit = new JsonArray(3);
                edit.add(e.start());
                edit.add(e.end());
                edit.add(e.newText());
                edits.add(edit);
            }
            json.add("edits", edits);
            fixes.add(json);
        }
        data.add("fixes", fixes);
        d.setData(data);
        return d;
    }


    static DiagnosticSeverity severity(Severity s) {
        return switch (s) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case INFO -> DiagnosticSeverity.Information;
        };
    }

    static String code(Diagnostic d) {
        Either<String, Integer> code = d.getCode();
        return code == null ? null : code.isLeft() ? code.getLeft() : String.valueOf(code.getRight());
    }
}
