package dev.miglint.cli;

import com.google.gson.stream.JsonWriter;
import dev.miglint.change.Change;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.PlStatement;
import dev.miglint.change.Change.Unrecognized;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintDef;
import dev.miglint.change.Name;
import dev.miglint.insight.Insights;
import dev.miglint.project.ConfigResolver;
import dev.miglint.project.FileKind;
import dev.miglint.project.ProjectService;
import dev.miglint.rules.alembic.AlembicAnalyzer;
import dev.miglint.rules.meta.InternalError;
import dev.miglint.rules.meta.UnreadableFile;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.LineIndex;
import dev.miglint.text.Span;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code miglint inspect}: each statement with its Change kind, range and recognised facts. The
 * facts are the Change record's own components, so a new field shows up here without more code.
 */
final class InspectCommand {

    private InspectCommand() {
    }

    /** Counts for the coverage line. */
    private static final class Tally {
        int files;
        int statements;
        int unrecognized;
    }

    static int run(Main.Options options, PrintWriter out) throws SourceFiles.UsageError {
        // Statements are what inspect shows: model files, schema.ts and journals have none.
        List<FileResult> results = ProjectRun.analyze(options.paths(),
                new ProjectService(new ConfigResolver(), ProjectService.Mode.RUN)).stream()
                .filter(InspectCommand::hasStatements).toList();
        Tally tally = new Tally();
        for (FileResult r : results) {
            tally.files++;
            if (isRevision(r)) {
                countOps(ops(r), tally);
            } else if (r.report().sql() != null) {
                count(r.report().sql().statements().size(), r.report().sql().changes(), tally);
            }
        }
        if (options.format().equals("json")) {
            writeJson(results, tally, out);
        } else {
            writeText(results, tally, out);
        }
        return Main.OK;
    }

    /** Counts statements once each, even when a multi-action ALTER TABLE gave several changes. */
    private static void count(int statements, List<Change> changes, Tally tally) {
        tally.statements += statements;
        for (Change c : changes) {
            if (isUnrecognized(c)) {
                tally.unrecognized++;
            }
            if (c instanceof DoBlock block) {
                int inner = (int) block.inner().stream().map(Change::statement).distinct().count();
                count(inner, block.inner(), tally);
            }
        }
    }

    /** A SQL file, an Alembic revision, or a file that could not be read (whose problem is shown). */
    private static boolean hasStatements(FileResult r) {
        if (isRevision(r)) {
            return r.report().context() != null;
        }
        return r.report().kind() == FileKind.SQL && (r.report().sql() != null || !r.findings().isEmpty()
                && (r.findings().get(0).rule().equals(UnreadableFile.ID) || r.findings().get(0).rule().equals(InternalError.ID)));
    }

    private static boolean isRevision(FileResult r) {
        return r.report().kind() == FileKind.ALEMBIC_REVISION;
    }

    /** An Alembic revision's op calls (nothing for other Python files); each counts as one statement. */
    private static List<AlembicAnalyzer.Op> ops(FileResult r) {
        return r.text() == null ? List.of() : Insights.revisionOps(r.text());
    }

    private static void countOps(List<AlembicAnalyzer.Op> ops, Tally tally) {
        for (AlembicAnalyzer.Op op : ops) {
            tally.statements++;
            if (op.unrecognized() != null && !op.unrecognized().startsWith("not analysable")
                    || op.changes().stream().anyMatch(InspectCommand::isUnrecognized)) {
                tally.unrecognized++;
            }
        }
    }

    static boolean isUnrecognized(Change change) {
        return change instanceof Unrecognized
                || change instanceof PlStatement pl && pl.command().startsWith("UNKNOWN");
    }

    private static String coverage(Tally tally) {
        double covered = tally.statements == 0 ? 100.0
                : 100.0 * (tally.statements - tally.unrecognized) / tally.statements;
        return String.format(Locale.ROOT, "%.2f", covered);
    }

    // ---------------------------------------------------------------- text

    private static void writeText(List<FileResult> results, Tally tally, PrintWriter out) {
        for (FileResult r : results) {
            out.println(r.path());
            if (isRevision(r)) {
                ops(r).forEach(op -> writeTextOp(op, r.lines(), out));
                continue;
            }
            if (r.report().sql() == null) {
                out.println("  " + r.findings().get(0).message());
                continue;
            }
            for (Change c : r.report().sql().changes()) {
                writeTextChange(c, r.lines(), "  ", out);
            }
        }
        out.printf("%d files, %d statements, %d unrecognized: %s%% recognized%n", tally.files, tally.statements,
                tally.unrecognized, coverage(tally));
    }

    /** An op call at its place in the .py file, with the changes of the SQL it stands for. */
    private static void writeTextOp(AlembicAnalyzer.Op op, LineIndex lines, PrintWriter out) {
        LineIndex.Position s = lines.position(op.anchor().start());
        LineIndex.Position e = lines.position(op.anchor().end());
        String where = "  " + (s.line() + 1) + ":" + (s.character() + 1) + "-" + (e.line() + 1) + ":" + (e.character() + 1)
                + "  " + op.call().receiver() + "." + op.call().method() + "  ";
        if (op.unrecognized() != null) {
            out.println(where + (op.unrecognized().startsWith("not analysable") ? "Execute" : "Unrecognized")
                    + "  why=" + op.unrecognized());
            return;
        }
        for (Change c : op.changes()) {
            StringBuilder line = new StringBuilder(where).append(c.kind());
            for (Map.Entry<String, Object> fact : facts((Record) c).entrySet()) {
                line.append("  ").append(fact.getKey()).append('=').append(fact.getValue());
            }
            out.println(line);
        }
    }

    private static void writeTextChange(Change c, LineIndex lines, String indent, PrintWriter out) {
        LineIndex.Position s = lines.position(c.span().start());
        LineIndex.Position e = lines.position(c.span().end());
        StringBuilder line = new StringBuilder();
        line.append(indent).append(s.line() + 1).append(':').append(s.character() + 1).append('-')
                .append(e.line() + 1).append(':').append(e.character() + 1).append("  ").append(c.kind());
        for (Map.Entry<String, Object> fact : facts((Record) c).entrySet()) {
            line.append("  ").append(fact.getKey()).append('=').append(fact.getValue());
        }
        out.println(line);
        if (c instanceof DoBlock block) {
            for (Change inner : block.inner()) {
                writeTextChange(inner, lines, indent + "    ", out);
            }
        }
    }

    // ---------------------------------------------------------------- json

    private static void writeJson(List<FileResult> results, Tally tally, PrintWriter out) {
        try {
            JsonWriter json = new JsonWriter(out);
            json.beginObject().name("files").beginArray();
            for (FileResult r : results) {
                json.beginObject().name("file").value(r.path().toString());
                if (isRevision(r)) {
                    json.name("statements").beginArray();
                    for (AlembicAnalyzer.Op op : ops(r)) {
                        writeJsonOp(op, r.lines(), json);
                    }
                    json.endArray();
                } else if (r.report().sql() == null) {
                    json.name("problem").value(r.findings().get(0).message());
                } else {
                    json.name("statements").beginArray();
                    for (Change c : r.report().sql().changes()) {
                        writeJsonChange(c, r.lines(), json);
                    }
                    json.endArray();
                }
                json.endObject();
            }
            json.endArray();
            json.name("summary").beginObject()
                    .name("files").value(tally.files)
                    .name("statements").value(tally.statements)
                    .name("unrecognized").value(tally.unrecognized)
                    .name("recognizedPercent").value(Double.parseDouble(coverage(tally)))
                    .endObject();
            json.endObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeJsonOp(AlembicAnalyzer.Op op, LineIndex lines, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("op").value(op.call().receiver() + "." + op.call().method());
        json.name("range");
        Json.range(json, lines, op.anchor().start(), op.anchor().end());
        if (op.unrecognized() != null) {
            json.name("kind").value(op.unrecognized().startsWith("not analysable") ? "Execute" : "Unrecognized");
            json.name("why").value(op.unrecognized());
        } else {
            json.name("sql").value(op.sql());
            json.name("changes").beginArray();
            for (Change c : op.changes()) {
                json.beginObject().name("kind").value(c.kind()).name("facts").beginObject();
                for (Map.Entry<String, Object> fact : facts((Record) c).entrySet()) {
                    json.name(fact.getKey());
                    writeValue(json, fact.getValue());
                }
                json.endObject().endObject();
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void writeJsonChange(Change c, LineIndex lines, JsonWriter json) throws IOException {
        json.beginObject();
        json.name("kind").value(c.kind());
        json.name("range");
        Json.range(json, lines, c.span().start(), c.span().end());
        json.name("facts").beginObject();
        for (Map.Entry<String, Object> fact : facts((Record) c).entrySet()) {
            json.name(fact.getKey());
            writeValue(json, fact.getValue());
        }
        json.endObject();
        if (c instanceof DoBlock block) {
            json.name("inner").beginArray();
            for (Change inner : block.inner()) {
                writeJsonChange(inner, lines, json);
            }
            json.endArray();
        }
        json.endObject();
    }

    private static void writeValue(JsonWriter json, Object value) throws IOException {
        if (value instanceof Boolean b) {
            json.value(b);
        } else if (value instanceof Number n) {
            json.value(n);
        } else if (value instanceof List<?> list) {
            json.beginArray();
            for (Object item : list) {
                writeValue(json, item);
            }
            json.endArray();
        } else if (value instanceof Map<?, ?> map) {
            json.beginObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.name(String.valueOf(e.getKey()));
                writeValue(json, e.getValue());
            }
            json.endObject();
        } else {
            json.value(String.valueOf(value));
        }
    }

    // ---------------------------------------------------------------- facts

    /** The record components worth showing: no statement, spans, fix offsets, nulls or inner changes. */
    static Map<String, Object> facts(Record change) {
        return facts(change, false);
    }

    /** In nested values (columns, constraints) false flags are left out to keep lines short. */
    private static Map<String, Object> facts(Record change, boolean nested) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (RecordComponent component : change.getClass().getRecordComponents()) {
            Class<?> type = component.getType();
            String name = component.getName();
            if (type == Statement.class || type == Span.class || name.endsWith("At") || name.equals("inner")) {
                continue;
            }
            Object value = valueOf(component, change);
            boolean omitted = value == null || value instanceof List<?> l && l.isEmpty()
                    || nested && Boolean.FALSE.equals(value);
            if (!omitted) {
                facts.put(name, value);
            }
        }
        return facts;
    }

    private static Object valueOf(RecordComponent component, Record owner) {
        Object raw;
        try {
            raw = component.getAccessor().invoke(owner);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return null;
        }
        return simplify(raw);
    }

    private static Object simplify(Object raw) {
        if (raw instanceof Name name) {
            return name.qualified();
        }
        if (raw instanceof ColumnDef || raw instanceof ConstraintDef) {
            return facts((Record) raw, true);
        }
        if (raw instanceof Enum<?> e) {
            return e.name();
        }
        if (raw instanceof List<?> list) {
            return list.stream().map(InspectCommand::simplify).toList();
        }
        return raw;
    }
}
