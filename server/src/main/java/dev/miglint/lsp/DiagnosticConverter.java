package dev.miglint.lsp;

import com.google.gson.JsonObject;
import dev.miglint.cli.RuleLinks;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.stream.Collectors;

/**
 * Findings → LSP diagnostics. Each carries in {@code data} where its code actions find it, kept small
 * (a large file has hundreds of diagnostics, resent on every keystroke):
 * <code>{"version":7,"index":42,"statement":120}</code>: the analysed version, the finding's place in that
 * version's analysis (which holds its fixes), and where its statement starts (absent for a finding about
 * the whole file), in UTF-16 offsets of that version.
 */
final class DiagnosticConverter {

    static final String SOURCE = "miglint";
    /** Each rule's docs link, built once: hundreds of diagnostics carry one on every keystroke. */
    private static final Map<String, DiagnosticCodeDescription> DOCS = Rules.IDS.stream()
            .collect(Collectors.toUnmodifiableMap(id -> id, id -> new DiagnosticCodeDescription(RuleLinks.docsPage(id))));

    private DiagnosticConverter() {
    }


    /** @param statementStart where the statement holding an offset starts, or -1 (a finding about the whole file) */
    static List<Diagnostic> toDiagnostics(Snapshot snapshot, List<Finding> findings, IntUnaryOperator statementStart) {
        List<Diagnostic> out = new ArrayList<>(findings.size());
        for (int i = 0; i < findings.size(); i++) {
            out.add(toDiagnostic(snapshot, findings.get(i), i, statementStart));
        }
        return List.copyOf(out);
    }

    private static Diagnostic toDiagnostic(Snapshot snapshot, Finding f, int index, IntUnaryOperator statementStart) {
        Diagnostic d = new Diagnostic(Positions.range(snapshot.lines(), f.range()), f.message(), severity(f.severity()),
                SOURCE, f.rule());
        DiagnosticCodeDescription docs = DOCS.get(f.rule());
        if (docs != null) {
            d.setCodeDescription(docs);
        }
        JsonObject data = new JsonObject();
        data.addProperty("version", snapshot.version());
        data.addProperty("index", index);
        int statement = statementStart.applyAsInt(f.range().start());
        if (statement >= 0) {
            data.addProperty("statement", statement);
        }
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
