package dev.miglint.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Position;

import java.io.IOException;

/**
 * Writes miglint's diagnostics field by field instead of through reflection: a large migration's
 * answer holds hundreds of them and is resent on every keystroke. Reading, and any diagnostic with a
 * field miglint does not set (tags, related information, markup messages), go to LSP4J's own adapter.
 */
final class DiagnosticJson implements TypeAdapterFactory {

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
                out.beginObject();
                out.name("range").beginObject();
                position(out.name("start"), d.getRange().getStart());
                position(out.name("end"), d.getRange().getEnd());
                out.endObject();
                if (d.getSeverity() != null) {
                    out.name("severity").value(d.getSeverity().getValue());
                }
                if (d.getCode() != null) {
                    out.name("code").value(d.getCode().getLeft());
                }
                if (d.getCodeDescription() != null) {
                    out.name("codeDescription").beginObject().name("href").value(d.getCodeDescription().getHref()).endObject();
                }
                if (d.getSource() != null) {
                    out.name("source").value(d.getSource());
                }
                out.name("message").value(d.getMessage().getLeft());
                if (d.getData() instanceof JsonElement data) {
                    json.write(out.name("data"), data);
                }
                out.endObject();
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

    private static void position(JsonWriter out, Position p) throws IOException {
        out.beginObject().name("line").value(p.getLine()).name("character").value(p.getCharacter()).endObject();
    }
}
