package dev.miglint.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real jar over stdio, fed what real and broken clients send. */
class LspProcessIT {

    @TempDir
    Path dir;

    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private OutputStream toServer;

    @Test
    void survivesGarbageUnknownMethodsOutOfOrderVersionsAndHugeFilesThenExitsOnShutdownAndExit() throws Exception {
        Process server = new ProcessBuilder("java", "-jar", System.getProperty("miglint.jar"), "lsp", "--stdio")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            toServer = server.getOutputStream();
            Thread reader = new Thread(() -> read(server.getInputStream()));
            reader.setDaemon(true);
            reader.start();
            String uri = dir.resolve("001_notes.sql").toUri().toString();

            send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":"
                    + ProcessHandle.current().pid() + ",\"rootUri\":null,\"capabilities\":{}}}");
            assertNotNull(await(m -> m.has("id") && m.get("id").getAsInt() == 1 && m.has("result")));
            send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            send(didOpen(uri, 1, "CREATE TABLE notes (body text);\n"));
            JsonObject first = await(published(uri, 1));
            assertEquals("require-if-not-exists", first.getAsJsonObject("params").getAsJsonArray("diagnostics")
                    .get(0).getAsJsonObject().get("code").getAsString());

            // Garbage: a body that is not JSON, and bytes with no header at all.
            raw("Content-Length: 11\r\n\r\n{not json!}");
            raw("\u0001\u0002 garbage \r\n\r\n");
            send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"textDocument/noSuchThing\",\"params\":{}}");
            JsonObject unknown = await(m -> m.has("id") && m.get("id").getAsInt() == 2);
            assertEquals(-32601, unknown.getAsJsonObject("error").get("code").getAsInt());

            // Versions out of order: the last one sent is the text the server holds.
            send(didChange(uri, 5, "DROP TABLE notes;\n"));
            send(didChange(uri, 3, "TRUNCATE notes;\n"));
            JsonObject latest = await(published(uri, 3));
            assertTrue(latest.toString().contains("ban-truncate"), latest.toString());

            String big = dir.resolve("big.sql").toUri().toString();
            send(didOpen(big, 1, "SELECT 1;\n".repeat(2 * 1024 * 1024)));
            JsonObject declined = await(published(big, 1));
            assertTrue(declined.toString().contains("not analysed"), declined.toString());

            send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"textDocument/hover\",\"params\":{\"textDocument\":{\"uri\":\""
                    + uri + "\"},\"position\":{\"line\":0,\"character\":2}}}");
            JsonObject hover = await(m -> m.has("id") && m.get("id").getAsInt() == 3);
            assertTrue(hover.toString().contains("ban-truncate"), hover.toString());

            send("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"shutdown\"}");
            await(m -> m.has("id") && m.get("id").getAsInt() == 4);
            send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server ends after shutdown and exit");
            assertEquals(0, server.exitValue());
        } finally {
            server.destroyForcibly();
        }
    }

    @Test
    void aPullingClientGetsDiagnosticsFixesHoversAndDefinitionsFromTheJar() throws Exception {
        Path migrations = java.nio.file.Files.createDirectories(dir.resolve("db/migrations"));
        java.nio.file.Files.writeString(dir.resolve(".miglint.json"), "{}");
        java.nio.file.Files.writeString(migrations.resolve("001_accounts.sql"),
                "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text);\n");
        String text = "CREATE INDEX accounts_email ON accounts (email);\n";
        Path second = java.nio.file.Files.writeString(migrations.resolve("002_email.sql"), text);
        String uri = second.toUri().toString();
        Process server = new ProcessBuilder("java", "-jar", System.getProperty("miglint.jar"), "lsp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            toServer = server.getOutputStream();
            Thread reader = new Thread(() -> read(server.getInputStream()));
            reader.setDaemon(true);
            reader.start();
            send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"processId\":null,\"rootUri\":\""
                    + dir.toUri() + "\",\"capabilities\":{\"textDocument\":{\"diagnostic\":{}}}}}");
            JsonObject init = await(m -> m.has("id") && m.get("id").getAsInt() == 1);
            JsonObject caps = init.getAsJsonObject("result").getAsJsonObject("capabilities");
            assertTrue(caps.has("diagnosticProvider") && caps.has("codeActionProvider") && caps.has("definitionProvider"), caps.toString());
            send("{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
            send(didOpen(uri, 1, text));
            String doc = "{\"textDocument\":{\"uri\":\"" + uri + "\"}";

            JsonObject diagnostics = request(2, "textDocument/diagnostic", doc + "}");
            JsonObject d = diagnostics.getAsJsonObject("result").getAsJsonArray("items").asList().stream()
                    .map(JsonElement::getAsJsonObject).filter(x -> x.get("code").getAsString().equals("require-if-not-exists"))
                    .findFirst().orElseThrow(() -> new AssertionError(diagnostics.toString()));
            assertEquals("miglint", d.get("source").getAsString());
            assertTrue(d.getAsJsonObject("codeDescription").get("href").getAsString().endsWith("/require-if-not-exists.md"));

            JsonObject actions = request(3, "textDocument/codeAction", doc + ",\"range\":" + d.get("range")
                    + ",\"context\":{\"diagnostics\":[" + d + "]}}");
            JsonObject preferred = actions.getAsJsonArray("result").asList().stream().map(JsonElement::getAsJsonObject)
                    .filter(a -> a.has("isPreferred") && a.get("isPreferred").getAsBoolean()).findFirst()
                    .orElseThrow(() -> new AssertionError(actions.toString()));
            JsonObject change = preferred.getAsJsonObject("edit").getAsJsonArray("documentChanges").get(0).getAsJsonObject();
            assertEquals(1, change.getAsJsonObject("textDocument").get("version").getAsInt());
            assertEquals("IF NOT EXISTS ", change.getAsJsonArray("edits").get(0).getAsJsonObject().get("newText").getAsString());

            String onTable = doc + ",\"position\":{\"line\":0,\"character\":33}}";   // on "accounts"
            String hover = awaitAnswer(4, "textDocument/hover", onTable, "001_accounts.sql");
            assertTrue(hover.contains("email"), hover);
            String definition = awaitAnswer(5, "textDocument/definition", onTable, "001_accounts.sql");
            assertTrue(definition.contains("\"line\":0"), definition);
            JsonObject symbols = request(6, "textDocument/documentSymbol", doc + "}");
            assertTrue(symbols.toString().contains("accounts_email"), symbols.toString());

            send("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"shutdown\"}");
            await(m -> m.has("id") && m.get("id").getAsInt() == 99);
            send("{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");
            assertTrue(server.waitFor(10, TimeUnit.SECONDS), "the server ends after shutdown and exit");
        } finally {
            server.destroyForcibly();
        }
    }

    private JsonObject request(int id, String method, String params) throws Exception {
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}");
        return await(m -> m.has("id") && m.get("id").getAsInt() == id);
    }

    /** Asks again (new ids above {@code id}) until the answer mentions {@code expected}: the workspace scan runs in the background. */
    private String awaitAnswer(int id, String method, String params, String expected) throws Exception {
        long until = System.currentTimeMillis() + 10_000;
        String answer = "";
        for (int n = id * 1000; System.currentTimeMillis() < until; n++) {
            answer = request(n, method, params).toString();
            if (answer.contains(expected)) {
                return answer;
            }
            Thread.sleep(50);
        }
        throw new AssertionError(method + " never mentioned " + expected + ": " + answer);
    }

    private static Predicate<JsonObject> published(String uri, int version) {
        return m -> "textDocument/publishDiagnostics".equals(str(m, "method"))
                && uri.equals(m.getAsJsonObject("params").get("uri").getAsString())
                && m.getAsJsonObject("params").has("version")
                && m.getAsJsonObject("params").get("version").getAsInt() == version;
    }

    private static String str(JsonObject m, String key) {
        JsonElement e = m.get(key);
        return e == null ? null : e.getAsString();
    }

    private static String didOpen(String uri, int version, String text) {
        JsonObject doc = new JsonObject();
        doc.addProperty("uri", uri);
        doc.addProperty("languageId", "sql");
        doc.addProperty("version", version);
        doc.addProperty("text", text);
        JsonObject params = new JsonObject();
        params.add("textDocument", doc);
        return notification("textDocument/didOpen", params);
    }

    private static String didChange(String uri, int version, String text) {
        JsonObject params = JsonParser.parseString("{\"textDocument\":{\"uri\":\"" + uri + "\",\"version\":" + version
                + "},\"contentChanges\":[]}").getAsJsonObject();
        JsonObject change = new JsonObject();
        change.addProperty("text", text);
        params.getAsJsonArray("contentChanges").add(change);
        return notification("textDocument/didChange", params);
    }

    private static String notification(String method, JsonObject params) {
        JsonObject m = new JsonObject();
        m.addProperty("jsonrpc", "2.0");
        m.addProperty("method", method);
        m.add("params", params);
        return m.toString();
    }

    /** Waits up to 10 s for a message from the server that {@code test} accepts. */
    private JsonObject await(Predicate<JsonObject> test) throws InterruptedException {
        long until = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < until) {
            JsonObject m = received.poll(100, TimeUnit.MILLISECONDS);
            if (m != null && test.test(m)) {
                return m;
            }
        }
        throw new AssertionError("the server sent no such message within 10 s");
    }

    private void send(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        raw("Content-Length: " + body.length + "\r\n\r\n");
        toServer.write(body);
        toServer.flush();
    }

    private void raw(String text) throws IOException {
        toServer.write(text.getBytes(StandardCharsets.UTF_8));
        toServer.flush();
    }

    private void read(InputStream in) {
        try {
            while (true) {
                int length = -1;
                String line;
                while (!(line = readLine(in)).isEmpty()) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(length);
                if (body.length < length) {
                    return;
                }
                received.add(JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject());
            }
        } catch (IOException | RuntimeException e) {
            // the server is gone
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.write(c);
            }
        }
        if (c == -1) {
            throw new IOException("end of stream");
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
