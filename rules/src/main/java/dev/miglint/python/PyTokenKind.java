package dev.miglint.python;

/** Kinds of Python tokens, after the standard library's {@code tokenize} module. */
public enum PyTokenKind {
    NAME,
    NUMBER,
    /** A string or bytes literal; its {@link PyQuote} says how it was written. */
    STRING,
    /** An f-string, kept whole: the expressions inside are not tokenized. */
    FSTRING,
    /** Operators and punctuation, brackets included. */
    OP,
    /** {@code #} to the end of the line, the hash included. */
    COMMENT,
    /** End of a logical line. */
    NEWLINE,
    /** A line break that ends no logical line: inside brackets, or after a blank/comment-only line. */
    NL,
    INDENT,
    DEDENT,
    /** A character Python does not allow here ({@code $}, {@code ?}, a stray backslash …). */
    ERROR,
    ENDMARKER
}
