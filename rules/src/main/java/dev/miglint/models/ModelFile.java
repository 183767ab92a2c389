package dev.miglint.models;

import dev.miglint.text.Problem;
import dev.miglint.text.Span;

import java.util.List;

/**
 * What {@link ModelReader} found in one Python module: the table classes, in file order, and what it
 * could not understand.
 *
 * @param firstClass the name of the module's first class (table or not), or null when there is none:
 *                   file-wide findings land there
 */
public record ModelFile(List<ModelTable> tables, Span firstClass, List<Problem> problems) {

    public ModelFile {
        tables = List.copyOf(tables);
        problems = List.copyOf(problems);
    }
}
