package dev.miglint.text;


/** Something the Python front end could not read or understand, at the characters it concerns. */
public record Problem(Span span, String message) {
}
