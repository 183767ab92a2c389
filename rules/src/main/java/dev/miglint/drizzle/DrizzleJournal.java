package dev.miglint.drizzle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
        Json.Parsed parsed = Json.parse(text);
        if (parsed.problem() != null) {
            return new DrizzleJournal(journalFile, null, null, List.of(), whole, List.of(parsed.problem()));
        }
        if (!(parsed.json().value() instanceof JsonObject root)
                || !(parsed.json().node() instanceof JsonScanner.Obj rootNode)) {
            return new DrizzleJournal(journalFile, null, null, List.of(), whole,
                    List.of(new DrizzleProblem(whole, "the journal is not a JSON object")));
        }
        String version = Json.string(root, "version").orElse(null);
        String dialect = Json.string(root, "dialect").orElse(null);
        if (!(root.get("entries") instanceof JsonArray array)
                || !(rootNode.get("entries").orElseThrow() instanceof JsonScanner.Arr arrayNode)) {
            return new DrizzleJournal(journalFile, version, dialect, List.of(), whole,
                    List.of(new DrizzleProblem(Json.spanOf(rootNode, "entries"), "the journal has no entries array")));
        }
        List<JournalEntry> entries = new ArrayList<>();
        List<DrizzleProblem> problems = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            entry(array.get(i), arrayNode.items().get(i), problems).ifPresent(entries::add);
        }
        return new DrizzleJournal(journalFile, version, dialect, entries, arrayNode.span(), problems);
    }

    /** Gson's and the scanner's views of one element are paired by index: both read the same text. */
    private static Optional<JournalEntry> entry(JsonElement value, JsonScanner.Node node,
                                                          List<DrizzleProblem> problems) {
        if (!(value instanceof JsonObject o)) {
            problems.add(new DrizzleProblem(node.span(), "a journal entry that is not an object"));
            return Optional.empty();
        }
        var tag = Json.string(o, "tag");
        if (tag.isEmpty()) {
            problems.add(new DrizzleProblem(node.span(), "a journal entry without a \"tag\" string"));
            return Optional.empty();
        }
        OptionalLong when = Json.integer(o, "when");
        if (when.isEmpty()) {
            problems.add(new DrizzleProblem(Json.spanOf(node, "when"),
                    "journal entry " + tag.get() + " has no whole-number \"when\""));
        }
        int idx = (int) Json.integer(o, "idx").orElse(-1);
        return Optional.of(new JournalEntry(idx, Json.string(o, "version").orElse(null), when,
                tag.get(), Json.bool(o, "breakpoints"), node.span(), Json.spanOf(node, "when")));
    }

    /** The entry with this tag, if any (the first when a tag is listed twice). */
    public Optional<JournalEntry> entry(String tag) {
        return entries.stream().filter(e -> e.tag().equals(tag)).findFirst();
    }
}
