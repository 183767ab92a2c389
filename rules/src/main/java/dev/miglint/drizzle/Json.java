package dev.miglint.drizzle;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.miglint.text.Span;

import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A JSON text read twice: values by Gson, positions by {@link JsonScanner}. Both are strict, so a
 * text either gives both or a {@link DrizzleProblem}.
 */
record Json(JsonElement value, JsonScanner.Node node) {

    /** Either the parsed text or the problem that stopped it. */
    record Parsed(Json json, DrizzleProblem problem) {
    }

    /** The parsed text, or the problem that stopped it, placed where the scanner stopped. */
    static Parsed parse(String text) {
        JsonScanner.Result scanned = JsonScanner.scan(text);
        String gsonError = null;
        JsonElement value = null;
        try {
            value = strict(text);
        } catch (JsonParseException | IOException | IllegalStateException e) {
            gsonError = e.getMessage();
        }
        if (value != null && scanned.ok()) {
            return new Parsed(new Json(value, scanned.root()), null);
        }
        int at = scanned.ok() ? 0 : scanned.errorAt();
        String why = gsonError != null ? gsonError : scanned.error();
        return new Parsed(null, new DrizzleProblem(new Span(at, Math.min(at + 1, text.length())),
                "not valid JSON: " + why));
    }

    private static JsonElement strict(String text) throws IOException {
        JsonReader reader = new JsonReader(new StringReader(text.startsWith("\uFEFF") ? " " + text.substring(1) : text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement e = JsonParser.parseReader(reader);
        if (reader.peek() != JsonToken.END_DOCUMENT) {
            throw new JsonParseException("unexpected text after the JSON value");
        }
        return e;
    }

    static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e instanceof JsonPrimitive p && p.isString() ? Optional.of(p.getAsString()) : Optional.empty();
    }

    static OptionalLong integer(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (!(e instanceof JsonPrimitive p) || !p.isNumber()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(p.getAsBigDecimal().longValueExact());
        } catch (ArithmeticException notWhole) {
            return OptionalLong.empty();
        }
    }

    static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e instanceof JsonPrimitive p && p.isBoolean() && p.getAsBoolean();
    }

    /** The span of member {@code key} of a scanned object, else the object's own span. */
    static Span spanOf(JsonScanner.Node node, String key) {
        if (node instanceof JsonScanner.Obj obj) {
            return obj.get(key).map(JsonScanner.Node::span).orElse(obj.span());
        }
        return node.span();
    }
}
