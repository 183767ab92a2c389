package dev.miglint.lsp;

import com.google.gson.JsonObject;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Fixes;
import dev.miglint.rules.Suppressions;
import dev.miglint.text.LineIndex;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.StringValue;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

import java.util.ArrayList;
import java.util.List;

/**
 * Code actions, read from the diagnostics' {@code data} (no re-analysis): the rule's fixes, ignore
 * for this statement, ignore in this file; and "fix all" over the current version. Every edit names
 * the version its ranges belong to, so an editor refuses it once the text has moved on.
 */
final class CodeActions {

    static final String FIX_ALL = "source.fixAll.miglint";
    private final Documents documents;
    private final Analyses analyses;
    /** The client applies snippet text edits in a workspace edit (LSP 3.18). */
    private volatile boolean snippets;

    CodeActions(Documents documents, Analyses analyses) {
        this.documents = documents;
        this.analyses = analyses;
    }

    void useSnippets(boolean clientSupportsSnippetEdits) {
        this.snippets = clientSupportsSnippetEdits;
    }

    List<Either<Command, CodeAction>> actions(CodeActionParams params, CancelChecker cancel) {
        String uri = params.getTextDocument().getUri();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (wants(only, CodeActionKind.QuickFix) && params.getContext().getDiagnostics() != null) {
            for (Diagnostic d : params.getContext().getDiagnostics()) {
                if (DiagnosticConverter.SOURCE.equals(d.getSource()) && d.getData() instanceof JsonObject data) {
                    quickFixes(uri, d, data, out, cancel);
                }
            }
        }
        if (wants(only, FIX_ALL)) {
            CodeAction fixAll = fixAll(uri, cancel);
            if (fixAll != null) {
                out.add(Either.forRight(fixAll));
            }
        }
        return out;
    }

    /** {@code only} holds kinds or their prefixes ("source" asks for "source.fixAll.miglint" too). */
    private static boolean wants(List<String> only, String kind) {
        return only == null || only.isEmpty() || only.stream().anyMatch(k -> kind.equals(k) || kind.startsWith(k + "."));
    }

    /**
     * The actions of one diagnostic: its finding's fixes, from the analysis of the version its
     * {@code data} names. For any other version the actions are left out (fresh diagnostics are on their way).
     */
    private void quickFixes(String uri, Diagnostic d, JsonObject data, List<Either<Command, CodeAction>> out,
                            CancelChecker cancel) {
        Snapshot snapshot = documents.get(uri);
        String rule = DiagnosticConverter.code(d);
        if (snapshot == null || rule == null || !data.has("version") || data.get("version").getAsInt() != snapshot.version()) {
            return;
        }
        int version = snapshot.version();
        LineIndex lines = snapshot.lines();
        List<Fix> fixes = fixesOf(analyses.analyze(snapshot, cancel), data, rule);
        boolean first = true;
        for (Fix fix : fixes) {
            List<Either<TextEdit, SnippetTextEdit>> edits = new ArrayList<>();
            for (dev.miglint.text.TextEdit e : fix.edits()) {
                edits.add(Either.forLeft(new TextEdit(Positions.range(lines, e.start(), e.end()), e.newText())));
            }
            CodeAction action = action(fix.title(), CodeActionKind.QuickFix, d, uri, version, edits);
            action.setIsPreferred(first);
            first = false;
            out.add(Either.forRight(action));
        }
        String eol = snapshot.text().contains("\r\n") ? "\r\n" : "\n";
        // Python's comments start with '#', TypeScript's with '//', SQL's with '--'; JSON has none.
        if (uri.endsWith(".json")) {
            return;
        }
        String comment = uri.endsWith(".py") ? "# " : uri.endsWith(".ts") ? "// " : "-- ";
        if (data.has("statement")) {
            out.add(Either.forRight(action("Ignore " + rule + " for this statement", CodeActionKind.QuickFix, d, uri,
                    version, List.of(ignoreComment(snapshot, data.get("statement").getAsInt(), comment + "miglint-ignore " + rule, eol)))));
        }
        out.add(Either.forRight(action("Ignore " + rule + " in this file", CodeActionKind.QuickFix, d, uri, version,
                List.of(insertion(new Position(0, 0), "", comment + "miglint-ignore-file " + rule, eol)))));
    }

    /** The fixes of the finding the diagnostic's {@code data} points at, when that analysis is the document's now. */
    private static List<Fix> fixesOf(DocumentAnalysis analysis, JsonObject data, String rule) {
        if (!data.has("index") || analysis.snapshot().version() != data.get("version").getAsInt()) {
            return List.of();
        }
        int index = data.get("index").getAsInt();
        List<Finding> findings = analysis.findings();
        return index >= 0 && index < findings.size() && findings.get(index).rule().equals(rule)
                ? findings.get(index).fixes() : List.of();
    }

    /** The ignore comment on the line above the statement, indented like it; on a line of its own when the statement shares one. */
    private Either<TextEdit, SnippetTextEdit> ignoreComment(Snapshot snapshot, int statementStart, String directive, String eol) {
        LineIndex lines = snapshot.lines();
        LineIndex.Position at = lines.position(Math.min(statementStart, snapshot.text().length()));
        int lineStart = lines.lineStart(at.line());
        String before = snapshot.text().substring(lineStart, lineStart + at.character());
        if (before.isBlank()) {
            return insertion(new Position(at.line(), 0), before, directive, eol);
        }
        return insertion(new Position(at.line(), at.character()), eol, directive, eol);
    }

    /**
     * {@code prefix + directive + ": <reason>" + eol} at {@code where}. A client that takes snippet
     * edits gets the reason as a selected placeholder to type over; the others get the literal
     * placeholder, which the analysis then notes until it is replaced.
     */
    private Either<TextEdit, SnippetTextEdit> insertion(Position where, String prefix, String directive, String eol) {
        Range range = new Range(where, where);
        if (snippets) {
            String snippet = escapeSnippet(prefix + directive + ": ") + "${1:reason}" + escapeSnippet(eol);
            return Either.forRight(new SnippetTextEdit(range, new StringValue("snippet", snippet)));
        }
        return Either.forLeft(new TextEdit(range, prefix + directive + ": " + Suppressions.REASON_PLACEHOLDER + eol));
    }

    private static String escapeSnippet(String text) {
        return text.replace("\\", "\\\\").replace("$", "\\$").replace("}", "\\}");
    }

    /** The first fix of every finding of the current version, applied as one edit over the span that changes. */
    private CodeAction fixAll(String uri, CancelChecker cancel) {
        Snapshot snapshot = documents.get(uri);
        if (snapshot == null) {
            return null;
        }
        DocumentAnalysis analysis = analyses.analyze(snapshot, cancel);
        List<dev.miglint.text.TextEdit> edits = Fixes.firstFixes(analysis.findings());
        if (edits.isEmpty()) {
            return null;
        }
        String before = snapshot.text();
        String after = Fixes.apply(before, edits);
        if (after.equals(before)) {
            return null;
        }
        int prefix = 0;
        int max = Math.min(before.length(), after.length());
        while (prefix < max && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        TextEdit edit = new TextEdit(Positions.range(snapshot.lines(), prefix, before.length() - suffix),
                after.substring(prefix, after.length() - suffix));
        return action("Fix all miglint problems", FIX_ALL, null, uri, snapshot.version(), List.of(Either.forLeft(edit)));
    }

    private static CodeAction action(String title, String kind, Diagnostic d, String uri, int version,
                                     List<Either<TextEdit, SnippetTextEdit>> edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        if (d != null) {
            action.setDiagnostics(List.of(d));
        }
        TextDocumentEdit change = new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), edits);
        action.setEdit(new WorkspaceEdit(List.of(Either.forLeft(change))));
        return action;
    }
}
