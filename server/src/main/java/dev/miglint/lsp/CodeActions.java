package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.miglint.rules.Fixes;
import dev.miglint.rules.TextEdit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.TextDocumentEdit;
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
    private static final String REASON = "<reason>";

    private final Documents documents;
    private final Analyses analyses;

    CodeActions(Documents documents, Analyses analyses) {
        this.documents = documents;
        this.analyses = analyses;
    }

    List<Either<Command, CodeAction>> actions(CodeActionParams params, CancelChecker cancel) {
        String uri = params.getTextDocument().getUri();
        List<String> only = params.getContext() == null ? null : params.getContext().getOnly();
        List<Either<Command, CodeAction>> out = new ArrayList<>();
        if (wants(only, CodeActionKind.QuickFix) && params.getContext().getDiagnostics() != null) {
            for (Diagnostic d : params.getContext().getDiagnostics()) {
                if (DiagnosticConverter.SOURCE.equals(d.getSource()) && d.getData() instanceof JsonObject data) {
                    quickFixes(uri, d, data, out);
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

    private void quickFixes(String uri, Diagnostic d, JsonObject data, List<Either<Command, CodeAction>> out) {
        String rule = data.get("rule").getAsString();
        int version = data.get("version").getAsInt();
        String eol = data.has("eol") ? data.get("eol").getAsString() : "\n";
        boolean first = true;
        for (JsonElement fix : data.getAsJsonArray("fixes")) {
            JsonObject f = fix.getAsJsonObject();
            List<org.eclipse.lsp4j.TextEdit> edits = new ArrayList<>();
            for (JsonElement e : f.getAsJsonArray("edits")) {
                edits.add(textEdit(e.getAsJsonObject()));
            }
            CodeAction action = action(f.get("title").getAsString(), CodeActionKind.QuickFix, d, uri, version, edits);
            action.setIsPreferred(first);
            first = false;
            out.add(Either.forRight(action));
        }
        if (data.has("statement")) {
            JsonObject at = data.getAsJsonObject("statement");
            Position where = new Position(at.get("line").getAsInt(), at.get("character").getAsInt());
            String comment = "-- miglint-ignore " + rule + ": " + REASON + eol;
            String text = (at.get("breakBefore").getAsBoolean() ? eol : "") + at.get("indent").getAsString() + comment;
            out.add(Either.forRight(action("Ignore " + rule + " for this statement", CodeActionKind.QuickFix, d, uri,
                    version, List.of(new org.eclipse.lsp4j.TextEdit(new Range(where, where), text)))));
        }
        Position top = new Position(0, 0);
        out.add(Either.forRight(action("Ignore " + rule + " in this file", CodeActionKind.QuickFix, d, uri, version,
                List.of(new org.eclipse.lsp4j.TextEdit(new Range(top, top),
                        "-- miglint-ignore-file " + rule + ": " + REASON + eol)))));
    }

    /** The first fix of every finding of the current version, applied as one edit over the span that changes. */
    private CodeAction fixAll(String uri, CancelChecker cancel) {
        Snapshot snapshot = documents.get(uri);
        if (snapshot == null) {
            return null;
        }
        DocumentAnalysis analysis = analyses.analyze(snapshot, cancel);
        List<TextEdit> edits = Fixes.firstFixes(analysis.findings());
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
        org.eclipse.lsp4j.TextEdit edit = new org.eclipse.lsp4j.TextEdit(
                Positions.range(snapshot.lines(), prefix, before.length() - suffix),
                after.substring(prefix, after.length() - suffix));
        return action("Fix all miglint problems", FIX_ALL, null, uri, snapshot.version(), List.of(edit));
    }

    private static CodeAction action(String title, String kind, Diagnostic d, String uri, int version,
                                     List<org.eclipse.lsp4j.TextEdit> edits) {
        CodeAction action = new CodeAction(title);
        action.setKind(kind);
        if (d != null) {
            action.setDiagnostics(List.of(d));
        }
        List<Either<org.eclipse.lsp4j.TextEdit, SnippetTextEdit>> either = new ArrayList<>(edits.size());
        edits.forEach(e -> either.add(Either.forLeft(e)));
        TextDocumentEdit change = new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, version), either);
        action.setEdit(new WorkspaceEdit(List.of(Either.forLeft(change))));
        return action;
    }

    private static org.eclipse.lsp4j.TextEdit textEdit(JsonObject json) {
        JsonObject range = json.getAsJsonObject("range");
        return new org.eclipse.lsp4j.TextEdit(new Range(position(range.getAsJsonObject("start")),
                position(range.getAsJsonObject("end"))), json.get("newText").getAsString());
    }

    private static Position position(JsonObject json) {
        return new Position(json.get("line").getAsInt(), json.get("character").getAsInt());
    }
}
