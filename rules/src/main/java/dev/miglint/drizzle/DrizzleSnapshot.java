package dev.miglint.drizzle;

import dev.miglint.text.Span;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain fields of a drizzle-kit snapshot: its {@code id} and the id(s) of the snapshot it was
 * generated from, {@code prevId} in 0.x ({@code meta/NNNN_snapshot.json}) and the {@code prevIds}
 * array in the folder layout ({@code <tag>/snapshot.json}), where a merge has two parents.
 *
 * @param prevSpan the {@code prevId}/{@code prevIds} value, or the whole text when there is none
 */
public record DrizzleSnapshot(Path file, String id, List<String> prevIds, Span idSpan, Span prevSpan,
                              List<DrizzleProblem> problems) {

    /** drizzle-kit's parent id for the first snapshot of a history. */
    public static final String ROOT_ID = "00000000-0000-0000-0000-000000000000";

    public DrizzleSnapshot {
        prevIds = List.copyOf(prevIds);
        problems = List.copyOf(problems);
    }

    /**
     * Reads the chain fields with the strict scanner alone: a snapshot is a large document (hundreds
     * of KB) of which only {@code id} and {@code prevId(s)} matter here.
     */
    public static DrizzleSnapshot read(Path file, String text) {
        Span whole = new Span(0, text.length());
        JsonScanner.Result scanned = JsonScanner.scan(text, 2);
        if (!scanned.ok()) {
            int at = scanned.errorAt();
            return new DrizzleSnapshot(file, null, List.of(), whole, whole, List.of(new DrizzleProblem(
                    new Span(at, Math.min(at + 1, text.length())), "not valid JSON: " + scanned.error())));
        }
        if (!(scanned.root() instanceof JsonScanner.Obj root)) {
            return new DrizzleSnapshot(file, null, List.of(), whole, whole,
                    List.of(new DrizzleProblem(whole, "the snapshot is not a JSON object")));
        }
        String prevKey = root.get("prevIds").isPresent() ? "prevIds" : "prevId";
        Span prevSpan = root.get(prevKey).map(JsonScanner.Node::span).orElse(whole);
        Span idSpan = root.get("id").map(JsonScanner.Node::span).orElse(whole);
        List<DrizzleProblem> problems = new ArrayList<>();
        String id = root.get("id").map(n -> JsonScanner.stringValue(text, n)).orElse(null);
        if (id == null) {
            problems.add(new DrizzleProblem(idSpan, "the snapshot has no \"id\" string"));
        }
        List<String> prevIds = root.get(prevKey).map(n -> strings(text, n)).orElse(List.of());
        if (prevIds.isEmpty()) {
            problems.add(new DrizzleProblem(prevSpan, "the snapshot has no \"" + prevKey + "\""));
        }
        return new DrizzleSnapshot(file, id, prevIds, idSpan, prevSpan, problems);
    }

    /** A string or an array of strings as a list; anything else as empty. */
    private static List<String> strings(String text, JsonScanner.Node node) {
        String single = JsonScanner.stringValue(text, node);
        if (single != null) {
            return List.of(single);
        }
        List<String> out = new ArrayList<>();
        if (node instanceof JsonScanner.Arr a) {
            for (JsonScanner.Node item : a.items()) {
                String s = JsonScanner.stringValue(text, item);
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
