package dev.miglint.rules.drizzle;

import dev.miglint.rules.Finding;
import dev.miglint.text.Span;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** The findings of one folder check, by file, and the texts read for it (each read once). */
public final class Report {

    private final Map<Path, List<Finding>> findings = new TreeMap<>();
    private final Map<Path, String> texts = new HashMap<>();
    private final Function<Path, String> reader;

    /** Reads the folder's files from disk. */
    Report() {
        this(Report::read);
    }

    /** Reads the folder's files through {@code reader} (an editor's unsaved journal wins over the disk). */
    Report(Function<Path, String> reader) {
        this.reader = reader;
    }

    void add(Path file, Finding finding) {
        findings.computeIfAbsent(file, f -> new ArrayList<>()).add(finding);
    }

    String text(Path file) {
        return texts.computeIfAbsent(file, reader);
    }

    /** The first line of a file: where a finding about the whole file is shown. */
    Span firstLine(Path file) {
        String text = text(file);
        int end = text.indexOf('\n');
        end = end < 0 ? text.length() : end;
        return new Span(0, end > 0 && text.charAt(end - 1) == '\r' ? end - 1 : end);
    }

    Map<Path, List<Finding>> result() {
        Map<Path, List<Finding>> out = new TreeMap<>();
        findings.forEach((file, list) -> out.put(file, List.copyOf(list)));
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
