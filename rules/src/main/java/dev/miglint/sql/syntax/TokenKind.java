package dev.miglint.sql.syntax;

public enum TokenKind {
    /** Keyword or unquoted identifier. */
    WORD,
    /** "quoted identifier" (also U&"…"). */
    QUOTED_IDENT,
    /** 'string', E'…', B'…', X'…', N'…', U&'…'. */
    STRING,
    /** $$…$$ or $tag$…$tag$. */
    DOLLAR_STRING,
    NUMBER,
    /** $1 positional parameter. */
    PARAM,
    /** Flyway placeholder ${name}. */
    PLACEHOLDER,
    /** psql variable :name, :'name' or :"name". */
    PSQL_VARIABLE,
    OPERATOR,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    COMMA,
    DOT,
    SEMICOLON,
    LINE_COMMENT,
    BLOCK_COMMENT,
    /** Drizzle's {@code --> statement-breakpoint}. */
    BREAKPOINT,
    /** psql meta-command such as {@code \set ON_ERROR_STOP on}, to the end of its line. */
    META_COMMAND,
    /** The data lines after {@code COPY … FROM STDIN;}, up to and including the {@code \.} line. */
    COPY_DATA;

    public boolean isTrivia() {
        return this == LINE_COMMENT || this == BLOCK_COMMENT;
    }
}
