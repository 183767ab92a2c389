package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleBuilders;
import dev.miglint.drizzle.schema.DrizzleColumn;
import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleSchemaReader;
import dev.miglint.drizzle.schema.DrizzleTable;
import dev.miglint.drizzle.schema.PgCoreImport;
import dev.miglint.rules.Fix;
import dev.miglint.text.Span;
import dev.miglint.text.TextEdit;

import java.util.ArrayList;
import java.util.List;

/**
 * The fix of require-uuid-keys: the builder call becomes {@code uuid("name")} (options dropped), a
 * single-column primary key that is no reference gets {@code .defaultRandom()} in place of an
 * application or identity default, identity modifiers (integer-only) go, and {@code uuid} is imported.
 */
final class UuidKeyFix {

    private static final String DEFAULT_RANDOM = ".defaultRandom()";

    private UuidKeyFix() {
    }

    static Fix of(DrizzleSchema schema, DrizzleTable table, DrizzleColumn c) {
        String src = schema.text();
        List<TextEdit> edits = new ArrayList<>();
        boolean member = c.builder().contains(".");
        String uuid = member ? c.builder().substring(0, c.builder().lastIndexOf('.') + 1) + "uuid" : uuidName(schema);
        String nameArg = c.nameArg() == null ? "" : c.nameArg().text(src);
        edits.add(new TextEdit(c.builderCall().start(), c.builderCall().end(), uuid + "(" + nameArg + ")"));
        boolean random = c.primaryKey() && !c.isForeignKey()
                && table.columns().stream().filter(DrizzleColumn::primaryKey).count() == 1;
        defaults(src, c, random, edits);
        if (!member && (schema.pgCore() == null || schema.pgCore().localNameOf("uuid") == null)) {
            edits.add(importUuid(src, schema.pgCore()));
        }
        String title = "Build `" + c.name() + "` with uuid()" + (random ? " and .defaultRandom()" : "");
        return new Fix(title, edits);
    }

    private static String uuidName(DrizzleSchema schema) {
        String local = schema.pgCore() == null ? null : schema.pgCore().localNameOf("uuid");
        return local != null ? local : "uuid";
    }

    /** Replaces the first default that cannot fill a uuid key, removes the rest; adds defaultRandom where none is. */
    private static void defaults(String src, DrizzleColumn c, boolean random, List<TextEdit> edits) {
        boolean placed = c.modifiers().stream().anyMatch(m -> m.name().equals("defaultRandom"));
        int previousEnd = c.builderCall().end();
        for (DrizzleColumn.Modifier m : c.modifiers()) {
            boolean identity = m.name().startsWith("generated") && m.name().endsWith("Identity");
            boolean replace = random && DrizzleBuilders.KEY_DEFAULTS_TO_REPLACE.contains(m.name());
            if (replace && !placed) {
                edits.add(new TextEdit(m.span().start(), m.span().end(), DEFAULT_RANDOM));
                placed = true;
            } else if (replace || identity) {
                edits.add(new TextEdit(previousEnd, m.span().end(), "")); // with the line break before it
            }
            previousEnd = m.span().end();
        }
        if (random && !placed) {
            edits.add(TextEdit.insert(previousEnd, chainBreak(src, c) + DEFAULT_RANDOM));
        }
    }

    /** A line break and indentation when the chain puts each modifier on its own line, else nothing. */
    private static String chainBreak(String src, DrizzleColumn c) {
        if (c.modifiers().isEmpty()) {
            return "";
        }
        int dot = c.modifiers().get(c.modifiers().size() - 1).span().start();
        int lineStart = src.lastIndexOf('\n', dot - 1) + 1;
        String before = src.substring(lineStart, dot);
        return before.isBlank() ? "\n" + before : "";
    }

    /** Adds uuid to the pg-core import in sorted position, keeping its layout, or adds the import. */
    private static TextEdit importUuid(String src, PgCoreImport imp) {
        if (imp == null) {
            return TextEdit.insert(0, "import { uuid } from \"" + DrizzleSchemaReader.PG_CORE + "\";\n");
        }
        List<Span> specs = imp.specifiers();
        if (specs.isEmpty()) {
            return new TextEdit(imp.braces().start(), imp.braces().end(), "{ uuid }");
        }
        for (int k = 0; k < specs.size(); k++) {
            if (specs.get(k).text(src).compareToIgnoreCase("uuid") > 0) {
                return TextEdit.insert(specs.get(k).start(), "uuid," + separator(src, imp, k));
            }
        }
        return TextEdit.insert(specs.get(specs.size() - 1).end(), "," + separator(src, imp, specs.size() - 1) + "uuid");
    }

    /** The whitespace before specifier {@code k}: what goes between two names of this import. */
    private static String separator(String src, PgCoreImport imp, int k) {
        int from = k == 0 ? imp.braces().start() + 1 : imp.specifiers().get(k - 1).end();
        String between = src.substring(from, imp.specifiers().get(k).start()).replace(",", "");
        return between.isEmpty() ? " " : between;
    }
}
