package dev.miglint.text;

/** Replace UTF-16 offsets [start, end) of the file text with {@code newText}; start == end inserts. */
public record TextEdit(int start, int end, String newText) {

    public static TextEdit insert(int offset, String text) {
        return new TextEdit(offset, offset, text);
    }
}
