package dev.miglint.drizzle;

import dev.miglint.text.Span;

/** Something in a journal or snapshot that could not be read, at the characters it concerns. */
public record DrizzleProblem(Span span, String message) {
}
