package dev.miglint.text;


/** A half-open range [start, end) of UTF-16 offsets into a file's text. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public int length() {
        return end - start;
    }

    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }

    public String text(String source) {
        return source.substring(start, end);
    }
}
