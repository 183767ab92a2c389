package dev.miglint.drizzle.schema;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a schema split over several files (one table per file, enums in a shared file): enums and
 * custom types of every file are known in every other, and references resolve across files. Imports
 * are not followed: consts are matched by name, which schema folders keep unique.
 */
public final class DrizzleProject {

    private DrizzleProject() {
    }

    /** Each file's schema, in the order given. */
    public static Map<Path, DrizzleSchema> read(Map<Path, String> files) {
        Map<String, String> types = new HashMap<>();
        files.values().forEach(text -> types.putAll(DrizzleSchemaReader.parse(text).types()));
        Map<Path, DrizzleSchema> first = new LinkedHashMap<>();
        Map<String, DrizzleTable> byConst = new HashMap<>();
        files.forEach((path, text) -> {
            DrizzleSchema s = DrizzleSchemaReader.parse(text, types);
            first.put(path, s);
            s.tables().forEach(t -> byConst.putIfAbsent(t.constName(), t));
        });
        Map<Path, DrizzleSchema> out = new LinkedHashMap<>();
        first.forEach((path, s) -> out.put(path, new DrizzleSchema(s.text(),
                DrizzleSchemaReader.resolve(s.tables(), byConst), s.types(), s.pgCore(), s.ignores(), s.problems())));
        return out;
    }

    /** All tables of the project, file by file. */
    public static List<DrizzleTable> tables(Map<Path, DrizzleSchema> read) {
        return read.values().stream().flatMap(s -> s.tables().stream()).toList();
    }
}
