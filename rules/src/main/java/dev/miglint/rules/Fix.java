package dev.miglint.rules;

import dev.miglint.text.TextEdit;

import java.util.List;

/** A named set of edits that together cure one finding. */
public record Fix(String title, List<TextEdit> edits) {

    public Fix {
        edits = List.copyOf(edits);
    }
}
