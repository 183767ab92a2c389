package dev.miglint.text;

import java.util.Arrays;

/** Converts UTF-16 offsets to 0-based line/character positions (LSP's encoding) and back. */
public final class LineIndex {

    public record Position(int line, int character) {
    }

    private final int[] lineStarts;
    private final String text;

    public LineIndex(String text) {
        this.text = text;
        this.lineStarts = text.indexOf('\r') < 0 ? newlineStarts(text) : lineStarts(text);
    }

    /** Line starts of a text whose only line break is \n: the JDK's indexOf loop beats charAt per character. */
    private static int[] newlineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return Arrays.copyOf(starts, count);
    }

    /** Line starts where \r\n, \n and a lone \r each end a line. */
    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The offset of a line/character position; as LSP requires, a character past the line's end
     * means the end of its content (before the line break), and a line past the last means the end.
     */
    public int offset(int line, int character) {
        if (line < 0) {
            return 0;
        }
        if (line >= lineStarts.length) {
            return text.length();
        }
        int contentEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        while (contentEnd > lineStarts[line] && (text.charAt(contentEnd - 1) == '\n' || text.charAt(contentEnd - 1) == '\r')) {
            contentEnd--;
        }
        return lineStarts[line] + Math.max(0, Math.min(character, contentEnd - lineStarts[line]));
    }

    public int lineCount() {
        return lineStarts.length;
    }

    public int lineStart(int line) {
        return lineStarts[Math.max(0, Math.min(line, lineStarts.length - 1))];
    }

    public Position position(int offset) {
        int line = Arrays.binarySearch(lineStarts, offset);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line, offset - lineStarts[line]);
    }
}
