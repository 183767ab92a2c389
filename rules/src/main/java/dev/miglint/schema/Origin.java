package dev.miglint.schema;

/** Where a table or column was created: the file and the offset of the statement in it. */
public record Origin(String file, int offset) {
}
