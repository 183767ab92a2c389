package dev.miglint.rules.models;

import dev.miglint.rules.Finding;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Name folding and lookups the drift rules share: PostgreSQL folds unquoted names, models rarely quote. */
final class Tables {

    /** Tables the tools keep for themselves. */
    static final Set<String> BOOKKEEPING = Set.of("alembic_version", "__drizzle_migrations", "drizzle.__drizzle_migrations");
    static final String AUTOGENERATE = "run `alembic revision --autogenerate`";
    static final String DRIZZLE_GENERATE = "run `npm run migrate:generate` (drizzle-kit generate)";

    private Tables() {
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The migrated tables by folded name. */
    static Map<String, TableInfo> byFoldedName(SchemaModel migrated) {
        Map<String, TableInfo> tables = new HashMap<>();
        migrated.tables().forEach((key, t) -> tables.put(fold(key), t));
        return tables;
    }

    static Set<String> foldedColumns(TableInfo table) {
        Set<String> out = new LinkedHashSet<>();
        table.columns().keySet().forEach(k -> out.add(fold(k)));
        return out;
    }

    static void add(Map<Path, List<Finding>> out, Path file, Finding finding) {
        out.computeIfAbsent(file, f -> new ArrayList<>()).add(finding);
    }
}
