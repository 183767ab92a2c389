package dev.miglint.drizzle.schema;

/** The kinds of TypeScript token a schema reader needs to tell apart. */
public enum TsTokenKind {
    IDENT,
    NUMBER,
    /** {@code '…'} or {@code "…"}. */
    STRING,
    /** A whole {@code `…${…}…`}, substitutions included. */
    TEMPLATE,
    /** A {@code /…/flags} literal, kept whole so its characters are not read as code. */
    REGEX,
    /** {@code // …} or {@code /* … *}{@code /}. */
    COMMENT,
    /** An operator, a separator or a bracket. */
    PUNCT
}
