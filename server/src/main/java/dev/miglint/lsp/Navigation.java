package dev.miglint.lsp;

import dev.miglint.insight.Insights;
import dev.miglint.insight.OutlineSymbol;
import dev.miglint.project.SourceText;
import dev.miglint.schema.Origin;
import dev.miglint.text.LineIndex;
import dev.miglint.text.Span;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.SymbolKind;

import java.nio.file.Path;
import java.util.List;

/** Document symbols and go-to-definition: {@link Insights}' outline and origins as LSP ranges. */
final class Navigation {

    private final Documents documents;

    Navigation(Documents documents) {
        this.documents = documents;
    }

    /** The statements of the document as a hierarchical outline. */
    static List<DocumentSymbol> symbols(DocumentAnalysis analysis) {
        if (analysis.file() == null) {
            return List.of();
        }
        LineIndex lines = analysis.snapshot().lines();
        return Insights.outline(analysis.file()).stream().map(s -> symbol(lines, s)).toList();
    }

    private static DocumentSymbol symbol(LineIndex lines, OutlineSymbol s) {
        Span span = s.span();
        Span selection = s.selectionSpan();
        if (selection == null || selection.start() < span.start() || selection.end() > span.end()) {
            selection = span;   // LSP: the selection range lies inside the range
        }
        DocumentSymbol out = new DocumentSymbol(s.name(), kind(s.kind()), Positions.range(lines, span),
                Positions.range(lines, selection));
        if (!s.children().isEmpty()) {
            out.setChildren(s.children().stream().map(c -> symbol(lines, c)).toList());
        }
        return out;
    }

    static SymbolKind kind(OutlineSymbol.Kind kind) {
        return switch (kind) {
            case TABLE -> SymbolKind.Struct;
            case COLUMN -> SymbolKind.Field;
            case INDEX -> SymbolKind.Key;
            case CONSTRAINT -> SymbolKind.Property;
            case TYPE -> SymbolKind.Enum;
            case FUNCTION -> SymbolKind.Function;
            case VIEW -> SymbolKind.Interface;
            case SCHEMA -> SymbolKind.Namespace;
            case OBJECT -> SymbolKind.Object;
            case DATA -> SymbolKind.Array;
            case DROP -> SymbolKind.Operator;
            case BLOCK -> SymbolKind.Module;
            case SETTING -> SymbolKind.Variable;
            case TRANSACTION -> SymbolKind.Event;
            case OTHER -> SymbolKind.Null;
        };
    }

    /** Where the table or column named at {@code offset} was created, or null. */
    Location definition(DocumentAnalysis analysis, int offset) {
        if (analysis.file() == null || analysis.context() == null) {
            return null;
        }
        Origin origin = Insights.definitionAt(analysis.file(), analysis.context(), offset).orElse(null);
        if (origin == null) {
            return null;
        }
        Path file = Path.of(origin.file()).toAbsolutePath().normalize();
        LineIndex lines = linesOf(file, analysis);
        if (lines == null) {
            return null;
        }
        return new Location(file.toUri().toString(), Positions.range(lines, origin.offset(), origin.offset()));
    }

    /** The text the origin's offset counts in: the open document's, else the file on disk (as the index read it). */
    private LineIndex linesOf(Path file, DocumentAnalysis analysis) {
        Path own = analysis.snapshot().path();
        if (own != null && own.toAbsolutePath().normalize().equals(file)) {
            return analysis.snapshot().lines();
        }
        for (Snapshot open : documents.all()) {
            if (open.path() != null && open.path().toAbsolutePath().normalize().equals(file)) {
                return open.lines();
            }
        }
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        String text = SourceText.read(file).text();
        return text == null ? null : new LineIndex(text);
    }
}
