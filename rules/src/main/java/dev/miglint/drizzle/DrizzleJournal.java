package dev.miglint.drizzle;

import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A drizzle-kit {@code meta/_journal.json}: the list drizzle's migrator runs, in order. Reading never
 * throws: what cannot be read is a {@link DrizzleProblem}, and entries without a tag are left out.
 *
 * @param version     the journal's own format version ("5" … "7"), null when absent
 * @param entriesSpan the {@code entries} array, or the whole text when there is none
 */
public record DrizzleJournal(Path file, String version, String dialect, List<JournalEntry> entries,
                             Span entriesSpan, List<DrizzleProblem> problems) {

    public DrizzleJournal {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    public static DrizzleJournal read(Path journalFile, String text) {
        Span whole = new Span(0, text.length());
        JsonScanner.Result scanned = JsonScanner.scan(text);
        if (!scanned.ok()) {
            int at = scanned.errorAt();
            return new DrizzleJournal(journalFile, null, null, List.of(), whole, List.of(new DrizzleProblem(
                    new Span(at, Math.min(at + 1, text.length())), "not valid JSON: " + scanned.error())));
        }
        if (!(scanned.root() instanceof JsonScanner.Obj root)) {
            return new DrizzleJournal(journalFile, null, null, List.of(), whole,
                    List.of(new DrizzleProblem(whole, "the journal is not a JSON object")));
        }
        String version = JsonScanner.string(text, root, "version");
        String dialect = JsonScanner.string(text, root, "dialect");
        if (!(root.get("entries").orElse(null) instanceof JsonScanner.Arr array)) {
            return new DrizzleJournal(journalFile, version, dialect, List.of(), whole, List.of(new DrizzleProblem(
                    root.get("entries").map(JsonScanner.Node::span).orElse(root.span()), "the journal has no entries array")));
        }
        List<JournalEntry> entries = new ArrayList<>();
        List<DrizzleProblem> problems = new ArrayList<>();
        for (JsonScanner.Node item : array.items()) {
            entry(text, item, problems).ifPresent(entries::add);
        }
        return new DrizzleJournal(journalFile, version, dialect, entries, array.span(), problems);
    }

    private static Optional<JournalEntry> entry(String text, JsonScanner.Node node, List<DrizzleProblem> problems) {
        if (!(node instanceof JsonScanner.Obj o)) {
            problems.add(new DrizzleProblem(node.span(), "a journal entry that is not an object"));
            return Optional.empty();
        }
        String tag = JsonScanner.string(text, o, "tag");
        if (tag == null) {
            problems.add(new DrizzleProblem(node.span(), "a journal entry without a \"tag\" string"));
            return Optional.empty();
        }
        Span whenSpan = o.get("when").map(JsonScanner.Node::span).orElse(o.span());
        OptionalLong when = JsonScanner.wholeNumber(text, o, "when");
        if (when.isEmpty()) {
            problems.add(new DrizzleProblem(whenSpan, "journal entry " + tag + " has no whole-number \"when\""));
        }
        int idx = (int) JsonScanner.wholeNumber(text, o, "idx").orElse(-1);
        boolean breakpoints = o.get("breakpoints").map(n -> n.span().text(text).equals("true")).orElse(false);
        return Optional.of(new JournalEntry(idx, JsonScanner.string(text, o, "version"), when, tag, breakpoints,
                node.span(), whenSpan));
    }

    /** The entry with this tag, if any (the first when a tag is listed twice). */
    public Optional<JournalEntry> entry(String tag) {
        return entries.stream().filter(e -> e.tag().equals(tag)).findFirst();
    }
}
