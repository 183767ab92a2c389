package dev.miglint.sql.syntax;

import dev.miglint.text.Span;

/** Something the lexer could not close: an unterminated string, quote or comment. */
public record LexProblem(Span span, String message) {
}
