package dev.miglint.lsp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.miglint.cli.LineIndex;
import dev.miglint.cli.RuleLinks;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.rules.TextEdit;
import dev.miglint.sql.SqlFile;
import dev.miglint.sql.Statement;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Findings → LSP diagnostics. Each carries in {@code data} everything its code actions need, as
 * ranges of the analysed version: the rule, the version, its fixes and where an ignore comment goes.
 */
final class DiagnosticConverter {

    static final String SOURCE = "miglint";
    private static final Set<String> RULE_IDS = Rules.ALL.stream().map(r -> r.info().id()).collect(Collectors.toUnmodifiableSet());

    private DiagnosticConverter() {
    }

    static List<Diagnostic> toDiagnostics(Snapshot snapshot, SqlFile file, List<Finding> findings) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        String eol = findings.isEmpty() || snapshot.text().indexOf("\r\n") < 0 ? "\n" : "\r\n";
        for (Finding f : findings) {
            out.add(toDiagnostic(snapshot, file, f, eol));
        }
        return List.copyOf(out);
    }

    private static Diagnostic toDiagnostic(Snapshot snapshot, SqlFile file, Finding f, String eol) {
        LineIndex lines = snapshot.lines();
        Diagnostic d = new Diagnostic(Positions.range(lines, f.range()), f.message(), severity(f.severity()), SOURCE,
                f.rule());
        if (RULE_IDS.contains(f.rule())) {
            d.setCodeDescription(new DiagnosticCodeDescription(RuleLinks.docsPage(f.rule())));
        }
        JsonObject data = new JsonObject();
        data.addProperty("rule", f.rule());
        data.addProperty("version", snapshot.version());
        data.addProperty("eol", eol);
        JsonArray fixes = new JsonArray();
        for (Fix fix : f.fixes()) {
            JsonObject json = new JsonObject();
            json.addProperty("title", fix.title());
            JsonArray edits = new JsonArray();
            for (TextEdit e : fix.edits()) {
                edits.add(edit(Positions.range(lines, e.start(), e.end()), e.newText()));
            }
            json.add("edits", edits);
            fixes.add(json);
        }
        data.add("fixes", fixes);
        Statement statement = file == null ? null : statementAt(file, f.range().start());
        if (statement != null) {
            data.add("statement", statementAnchor(snapshot, statement));
        }
        d.setData(data);
        return d;
    }

    /** Where "ignore for this statement" inserts its comment: the statement's line, with its indentation. */
    private static JsonObject statementAnchor(Snapshot snapshot, Statement statement) {
        LineIndex lines = snapshot.lines();
        int start = statement.span().start();
        int line = lines.position(start).line();
        int lineStart = lines.lineStart(line);
        String before = snapshot.text().substring(lineStart, start);
        JsonObject anchor = new JsonObject();
        boolean startsLine = before.isBlank();
        anchor.addProperty("line", line);
        anchor.addProperty("character", startsLine ? 0 : start - lineStart);
        anchor.addProperty("indent", startsLine ? before : "");
        // Sharing its line with an earlier statement, the comment goes on a line of its own before it.
        anchor.addProperty("breakBefore", !startsLine);
        return anchor;
    }

    /** The top-level statement whose span holds {@code offset}, or null (a finding about the whole file). */
    static Statement statementAt(SqlFile file, int offset) {
        List<Statement> statements = file.statements();
        int lo = 0;
        int hi = statements.size() - 1;
        Statement found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (statements.get(mid).span().start() <= offset) {
                found = statements.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found != null && offset < Math.max(found.span().end(), found.span().start() + 1) ? found : null;
    }

    static JsonObject edit(Range range, String newText) {
        JsonObject json = new JsonObject();
        JsonObject r = new JsonObject();
        r.add("start", position(range.getStart().getLine(), range.getStart().getCharacter()));
        r.add("end", position(range.getEnd().getLine(), range.getEnd().getCharacter()));
        json.add("range", r);
        json.addProperty("newText", newText);
        return json;
    }

    private static JsonObject position(int line, int character) {
        JsonObject p = new JsonObject();
        p.addProperty("line", line);
        p.addProperty("character", character);
        return p;
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
