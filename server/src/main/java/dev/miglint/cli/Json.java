package dev.miglint.cli;

import com.google.gson.stream.JsonWriter;
import dev.miglint.text.LineIndex;

import java.io.IOException;

/** Small helpers for the JSON reports. */
final class Json {

    private Json() {
    }

    /** Writes {@code {"start":{"line","character"},"end":{…}}}, 0-based. */
    static void range(JsonWriter json, LineIndex lines, int start, int end) throws IOException {
        json.beginObject();
        json.name("start");
        position(json, lines.position(start));
        json.name("end");
        position(json, lines.position(end));
        json.endObject();
    }

    private static void position(JsonWriter json, LineIndex.Position p) throws IOException {
        json.beginObject().name("line").value(p.line()).name("character").value(p.character()).endObject();
    }
}
