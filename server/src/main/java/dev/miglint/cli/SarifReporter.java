package dev.miglint.cli;

import com.google.gson.stream.JsonWriter;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fix;
import dev.miglint.rules.Rule;
import dev.miglint.rules.RuleInfo;
import dev.miglint.rules.Rules;
import dev.miglint.rules.Severity;
import dev.miglint.text.LineIndex;
import dev.miglint.text.TextEdit;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning and IDE viewers read it: one run, the catalogue as
 * {@code tool.driver.rules}, one result per finding with its fixes. Columns are UTF-16 code units,
 * SARIF's default and our offsets' unit. Files under the working directory get URIs relative to
 * {@code %SRCROOT%}, the others absolute {@code file:} URIs.
 */
final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String INFORMATION_URI = RuleLinks.INFORMATION_URI;
    static final String SRCROOT = "%SRCROOT%";

    /** The page {@code miglint explain} prints, on GitHub. */
    static String helpUri(String ruleId) {
        return RuleLinks.docsPage(ruleId);
    }

    /** A rule descriptor: catalogue rules, plus the front end's own ids (unreadable-file, …). */
    private record Descriptor(String id, String name, String summary, String help, Severity severity,
                              boolean enabled, boolean documented) {
    }

    private final Path root;

    SarifReporter() {
        this(Path.of("").toAbsolutePath());
    }

    SarifReporter(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void report(List<FileResult> results, PrintWriter out) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Descriptor> descriptors = descriptors(results, index);
        try {
            JsonWriter json = new JsonWriter(out);
            json.beginObject();
            json.name("$schema").value(SCHEMA);
            json.name("version").value("2.1.0");
            json.name("runs").beginArray().beginObject();
            writeTool(json, descriptors);
            json.name("originalUriBaseIds").beginObject().name(SRCROOT).beginObject()
                    .name("uri").value(directoryUri(root)).endObject().endObject();
            json.name("columnKind").value("utf16CodeUnits");
            json.name("results").beginArray();
            for (FileResult result : results) {
                for (Finding f : result.findings()) {
                    writeResult(json, result, f, index.get(f.rule()));
                }
            }
            json.endArray();
            json.endObject().endArray();
            json.endObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Descriptor> descriptors(List<FileResult> results, Map<String, Integer> index) {
        List<Descriptor> descriptors = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            RuleInfo info = rule.info();
            index.put(info.id(), descriptors.size());
            descriptors.add(new Descriptor(info.id(), rule.getClass().getSimpleName(), info.summary(), info.help(),
                    info.severity(), !info.optIn(), true));
        }
        for (FileResult result : results) {
            for (Finding f : result.findings()) {
                if (!index.containsKey(f.rule())) {
                    index.put(f.rule(), descriptors.size());
                    String help = f.help() == null || f.help().isBlank() ? f.message() : f.help();
                    descriptors.add(new Descriptor(f.rule(), null, "miglint reports " + f.rule(), help,
                            f.severity(), true, false));
                }
            }
        }
        return descriptors;
    }

    private static void writeTool(JsonWriter json, List<Descriptor> descriptors) throws IOException {
        json.name("tool").beginObject().name("driver").beginObject();
        json.name("name").value("miglint");
        json.name("version").value(Main.VERSION);
        json.name("semanticVersion").value(Main.VERSION);
        json.name("informationUri").value(INFORMATION_URI);
        json.name("rules").beginArray();
        for (Descriptor d : descriptors) {
            json.beginObject();
            json.name("id").value(d.id());
            if (d.name() != null) {
                json.name("name").value(d.name());
            }
            json.name("shortDescription").beginObject().name("text").value(d.summary()).endObject();
            json.name("fullDescription").beginObject().name("text").value(d.help()).endObject();
            json.name("help").beginObject().name("text").value(d.help()).endObject();
            if (d.documented()) {
                json.name("helpUri").value(helpUri(d.id()));
            }
            json.name("defaultConfiguration").beginObject()
                    .name("enabled").value(d.enabled())
                    .name("level").value(level(d.severity()))
                    .endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endObject();
    }

    private void writeResult(JsonWriter json, FileResult result, Finding f, int ruleIndex) throws IOException {
        json.beginObject();
        json.name("ruleId").value(f.rule());
        json.name("ruleIndex").value(ruleIndex);
        json.name("level").value(level(f.severity()));
        json.name("message").beginObject().name("text").value(f.message()).endObject();
        json.name("locations").beginArray().beginObject().name("physicalLocation").beginObject();
        writeArtifact(json, result.path());
        json.name("region");
        writeRegion(json, result.lines(), f.range().start(), f.range().end());
        json.endObject().endObject().endArray();
        if (!f.fixes().isEmpty()) {
            json.name("fixes").beginArray();
            for (Fix fix : f.fixes()) {
                writeFix(json, result, fix);
            }
            json.endArray();
        }
        json.endObject();
    }

    private void writeFix(JsonWriter json, FileResult result, Fix fix) throws IOException {
        json.beginObject();
        json.name("description").beginObject().name("text").value(fix.title()).endObject();
        json.name("artifactChanges").beginArray().beginObject();
        writeArtifact(json, result.path());
        json.name("replacements").beginArray();
        for (TextEdit edit : fix.edits()) {
            json.beginObject().name("deletedRegion");
            writeRegion(json, result.lines(), edit.start(), edit.end());
            json.name("insertedContent").beginObject().name("text").value(edit.newText()).endObject();
            json.endObject();
        }
        json.endArray();
        json.endObject().endArray();
        json.endObject();
    }

    private void writeArtifact(JsonWriter json, Path path) throws IOException {
        json.name("artifactLocation").beginObject();
        Path absolute = root.resolve(path).normalize();
        if (absolute.startsWith(root)) {
            json.name("uri").value(relativeUri(root.relativize(absolute)));
            json.name("uriBaseId").value(SRCROOT);
        } else {
            json.name("uri").value(absolute.toUri().toASCIIString());
        }
        json.endObject();
    }

    /** 1-based lines and columns; an empty range is an insertion point (startColumn == endColumn). */
    private static void writeRegion(JsonWriter json, LineIndex lines, int start, int end) throws IOException {
        LineIndex.Position s = lines.position(start);
        LineIndex.Position e = lines.position(end);
        json.beginObject()
                .name("startLine").value(s.line() + 1)
                .name("startColumn").value(s.character() + 1)
                .name("endLine").value(e.line() + 1)
                .name("endColumn").value(e.character() + 1)
                .endObject();
    }

    static String level(Severity severity) {
        return switch (severity) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** Forward slashes between segments, everything but RFC 3986 unreserved characters percent-encoded. */
    static String relativeUri(Path relative) {
        StringBuilder uri = new StringBuilder();
        for (int i = 0; i < relative.getNameCount(); i++) {
            if (i > 0) {
                uri.append('/');
            }
            uri.append(encodeSegment(relative.getName(i).toString()));
        }
        return uri.toString();
    }

    private static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (unreserved) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String directoryUri(Path dir) {
        String uri = dir.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }
}
