package dev.miglint.lsp;

import dev.miglint.text.LineIndex;
import dev.miglint.text.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/** LSP line/character (UTF-16) ↔ the rule module's offsets; the only place positions are computed. */
final class Positions {

    private Positions() {
    }

    /** Clamped as editors expect: a character past the line's end means the end of the line. */
    static int offset(LineIndex lines, Position position) {
        return lines.offset(position.getLine(), position.getCharacter());
    }

    static Position position(LineIndex lines, int offset) {
        LineIndex.Position p = lines.position(offset);
        return new Position(p.line(), p.character());
    }

    static Range range(LineIndex lines, int start, int end) {
        return new Range(position(lines, start), position(lines, end));
    }

    static Range range(LineIndex lines, Span span) {
        return range(lines, span.start(), span.end());
    }
}
