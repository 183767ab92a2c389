package dev.miglint.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;

import java.io.IOException;

/**
 * Writes miglint's diagnostics by hand instead of through reflection and Gson's writer: a large
 * migration's answer holds hundreds of them and is resent on every keystroke. Reading, and any diagnostic with a
 * field miglint does not set (tags, related information, markup messages), go to LSP4J's own adapter.
 */
final class DiagnosticJson implements TypeAdapterFactory {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    @SuppressWarnings("unchecked")
    public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
        if (type.getRawType() != Diagnostic.class) {
            return null;
        }
        TypeAdapter<Diagnostic> lsp4j = gson.getDelegateAdapter(this, TypeToken.get(Diagnostic.class));
        TypeAdapter<JsonElement> json = gson.getAdapter(JsonElement.class);
        return (TypeAdapter<T>) new TypeAdapter<Diagnostic>() {
            @Override
            public void write(JsonWriter out, Diagnostic d) throws IOException {
                if (d == null || !plain(d)) {
                    lsp4j.write(out, d);
                    return;
                }
                StringBuilder b = new StringBuilder(512);
                b.append("{\"range\":{\"start\":");
                position(b, d.getRange().getStart());
                b.append(",\"end\":");
                position(b, d.getRange().getEnd());
                b.append('}');
                if (d.getSeverity() != null) {
                    b.append(",\"severity\":").append(d.getSeverity().getValue());
                }
                if (d.getCode() != null) {
                    string(b.append(",\"code\":"), d.getCode().getLeft());
                }
                if (d.getCodeDescription() != null) {
                    string(b.append(",\"codeDescription\":{\"href\":"), d.getCodeDescription().getHref()).append('}');
                }
                if (d.getSource() != null) {
                    string(b.append(",\"source\":"), d.getSource());
                }
                string(b.append(",\"message\":"), d.getMessage().getLeft());
                if (d.getData() instanceof JsonElement data) {
                    b.append(",\"data\":");
                    element(b, data);
                }
                out.jsonValue(b.append('}').toString());
            }

            /** Flat objects of numbers and strings (what miglint puts in data) by hand, anything else by Gson. */
            private void element(StringBuilder b, JsonElement e) {
                if (e instanceof JsonObject o && flat(o)) {
                    b.append('{');
                    boolean first = true;
                    for (var en : o.entrySet()) {
                        string(first ? b : b.append(','), en.getKey()).append(':');
                        primitive(b, (JsonPrimitive) en.getValue());
                        first = false;
                    }
                    b.append('}');
                } else {
                    b.append(json.toJson(e));
                }
            }

            @Override
            public Diagnostic read(JsonReader in) throws IOException {
                return lsp4j.read(in);
            }
        };
    }

    /** The shape miglint's diagnostics have: a string message and code, no tags or related information. */
    private static boolean plain(Diagnostic d) {
        return d.getRange() != null && d.getMessage() != null && d.getMessage().isLeft()
                && (d.getCode() == null || d.getCode().isLeft()) && d.getTags() == null
                && d.getRelatedInformation() == null && (d.getData() == null || d.getData() instanceof JsonElement);
    }

    private static boolean flat(JsonObject o) {
        for (var entry : o.entrySet()) {
            if (!(entry.getValue() instanceof JsonPrimitive)) {
                return false;
            }
        }
        return true;
    }

    private static void position(StringBuilder b, Position p) {
        b.append("{\"line\":").append(p.getLine()).append(",\"character\":").append(p.getCharacter()).append('}');
    }

    private static void primitive(StringBuilder b, JsonPrimitive p) {
        if (p.isString()) {
            string(b, p.getAsString());
        } else {
            b.append(p.getAsString()); // a number or a boolean, as written
        }
    }

    /**
     * A JSON string. Everything outside ASCII is written as a \\u escape, so the whole answer stays a
     * one-byte string: its UTF-8 encoding is then a copy, not a character-by-character conversion.
     */
    static StringBuilder string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else if (c < 0x20 || c > 0x7e) {
                b.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 15]).append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }
}
