package dev.miglint.drizzle;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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

    public static DrizzleSnapshot read(Path file, String text) {
        Span whole = new Span(0, text.length());
        Json.Parsed parsed = Json.parse(text);
        if (parsed.problem() != null) {
            return new DrizzleSnapshot(file, null, List.of(), whole, whole, List.of(parsed.problem()));
        }
        if (!(parsed.json().value() instanceof JsonObject root)) {
            return new DrizzleSnapshot(file, null, List.of(), whole, whole,
                    List.of(new DrizzleProblem(whole, "the snapshot is not a JSON object")));
        }
        JsonScanner.Node node = parsed.json().node();
        String prevKey = root.has("prevIds") ? "prevIds" : "prevId";
        Span prevSpan = root.has(prevKey) ? Json.spanOf(node, prevKey) : whole;
        Span idSpan = root.has("id") ? Json.spanOf(node, "id") : whole;
        List<DrizzleProblem> problems = new ArrayList<>();
        String id = Json.string(root, "id").orElse(null);
        if (id == null) {
            problems.add(new DrizzleProblem(idSpan, "the snapshot has no \"id\" string"));
        }
        List<String> prevIds = strings(root.get(prevKey));
        if (prevIds.isEmpty()) {
            problems.add(new DrizzleProblem(prevSpan, "the snapshot has no \"" + prevKey + "\""));
        }
        return new DrizzleSnapshot(file, id, prevIds, idSpan, prevSpan, problems);
    }

    /** A string or an array of strings as a list; anything else as empty. */
    private static List<String> strings(JsonElement e) {
        if (e instanceof JsonPrimitive p && p.isString()) {
            return List.of(p.getAsString());
        }
        List<String> out = new ArrayList<>();
        if (e instanceof JsonArray a) {
            for (JsonElement item : a) {
                if (item instanceof JsonPrimitive p && p.isString()) {
                    out.add(p.getAsString());
                }
            }
        }
        return out;
    }
}
