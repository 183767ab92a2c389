package dev.miglint.lsp;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticCodeDescription;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DiagnosticTag;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hand-written diagnostic writer says exactly what LSP4J's reflective one says. */
class DiagnosticJsonTest {

    private static final Gson LSP4J = new MessageJsonHandler(Map.of()).getGson();
    private static final Gson FAST = new MessageJsonHandler(Map.of()) {
        @Override
        public com.google.gson.GsonBuilder getDefaultGsonBuilder() {
            return super.getDefaultGsonBuilder().registerTypeAdapterFactory(new DiagnosticJson());
        }
    }.getGson();

    private static Diagnostic sample() {
        Diagnostic d = new Diagnostic(new Range(new Position(12, 4), new Position(13, 0)), "CREATE TABLE \"quoted\" …\nnext line",
                DiagnosticSeverity.Warning, "miglint", "require-if-not-exists");
        d.setCodeDescription(new DiagnosticCodeDescription("https://example.org/docs/rules/require-if-not-exists.md"));
        JsonObject data = new JsonObject();
        data.addProperty("version", 7);
        data.addProperty("index", 3);
        d.setData(data);
        return d;
    }

    @Test
    void miglintsDiagnosticsAreWrittenAsLsp4jWritesThem() {
        Diagnostic d = sample();
        assertEquals(DiagnosticJson.class, FAST.getAdapter(Diagnostic.class).getClass().getEnclosingClass(),
                "the fast writer is the one under test");
        assertEquals(JsonParser.parseString(LSP4J.toJson(d)), JsonParser.parseString(FAST.toJson(d)));
        assertEquals(JsonParser.parseString(LSP4J.toJson(d)),
                JsonParser.parseString(FAST.toJson(LSP4J.fromJson(FAST.toJson(d), Diagnostic.class))));
    }

    @Test
    void theAnswerStaysAsciiSoItsUtf8IsACopy() {
        Diagnostic d = sample();
        d.setMessage("naïve \u2028 \"quote\" back\\slash\ttab \u0001 😀");
        String json = FAST.toJson(d);
        assertTrue(json.chars().allMatch(c -> c >= 0x20 && c < 0x7f), json);
        assertEquals(d.getMessage().getLeft(), LSP4J.fromJson(json, Diagnostic.class).getMessage().getLeft());
    }

    @Test
    void aDiagnosticWithFieldsMiglintDoesNotSetIsLeftToLsp4j() {
        Diagnostic d = sample();
        d.setTags(List.of(DiagnosticTag.Unnecessary));
        d.setData(null);
        assertEquals(LSP4J.toJson(d), FAST.toJson(d));
    }
}
