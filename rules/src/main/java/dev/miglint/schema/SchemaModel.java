package dev.miglint.schema;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AlterColumn;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.RenameColumn;
import dev.miglint.change.Change.RenameTable;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.Name;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tables and columns the migrations have created up to some statement. Immutable: applying a
 * change returns a new model and leaves this one as it was, so every statement can keep the schema
 * it saw. Tables are keyed by name, with the schema only when it is not {@code public}.
 */
public final class SchemaModel {

    public static final SchemaModel EMPTY = new SchemaModel(Map.of(), Map.of());

    /** Past this many local changes the layers are merged, keeping look-ups one level deep. */
    private static final int MAX_LOCAL = 64;
    /** Marks a table dropped in {@link #local} that may still exist in {@link #base}. */
    private static final TableInfo DROPPED = new TableInfo(null, "", Map.of(), null);

    // Two layers, so that a change copies only the small local map, not every table of the project.
    private final Map<String, TableInfo> base;
    private final Map<String, TableInfo> local;

    private SchemaModel(Map<String, TableInfo> base, Map<String, TableInfo> local) {
        this.base = base;
        this.local = local;
    }

    public Map<String, TableInfo> tables() {
        return java.util.Collections.unmodifiableMap(merge(base, local));
    }

    /** The base layer with the local changes applied: drops removed, the rest put. */
    private static Map<String, TableInfo> merge(Map<String, TableInfo> base, Map<String, TableInfo> local) {
        Map<String, TableInfo> all = new HashMap<>(base);
        local.forEach((k, v) -> {
            if (v == DROPPED) {
                all.remove(k);
            } else {
                all.put(k, v);
            }
        });
        return all;
    }

    public TableInfo table(Name name) {
        if (name == null) {
            return null;
        }
        String key = key(name.schema(), name.name());
        TableInfo found = local.containsKey(key) ? local.get(key) : base.get(key);
        return found == DROPPED ? null : found;
    }

    public boolean hasTable(Name name) {
        return table(name) != null;
    }

    /**
     * The model after {@code change}, which was written in {@code file}. A DO block's inner
     * changes are applied one by one by the caller, as {@code SqlFile.allChanges()} lists them.
     */
    public SchemaModel apply(Change change, String file) {
        Origin origin = new Origin(file, change.statement().span().start());
        if (change instanceof CreateTable t) {
            if (hasTable(t.name())) {
                return this; // IF NOT EXISTS, or a re-creation: the first definition stands
            }
            Map<String, ColumnInfo> columns = new LinkedHashMap<>();
            for (ColumnDef c : t.columns()) {
                columns.put(c.name(), column(c, origin));
            }
            return with(new TableInfo(t.name().schema(), t.name().name(), columns, origin));
        }
        if (change instanceof AddColumn a) {
            return update(a.table(), table -> table.column(a.column().name()) != null ? table
                    : table.withColumn(column(a.column(), origin)));
        }
        if (change instanceof DropColumn d) {
            return update(d.table(), table -> table.withoutColumn(d.column()));
        }
        if (change instanceof AlterColumnType t) {
            return update(t.table(), table -> table.updateColumn(t.column(), c -> c.withType(t.type())));
        }
        if (change instanceof AlterColumn a && a.action().endsWith("NOT NULL")) {
            boolean notNull = a.action().startsWith("SET");
            return update(a.table(), table -> table.updateColumn(a.column(), c -> c.withNotNull(notNull)));
        }
        if (change instanceof RenameColumn r) {
            return update(r.table(), table -> table.updateColumn(r.from(), c -> c.renamed(r.to())));
        }
        if (change instanceof RenameTable r && hasTable(r.table()) && r.to() != null) {
            TableInfo renamed = table(r.table()).renamed(r.to());
            return without(r.table()).with(renamed);
        }
        if (change instanceof Drop d && d.objectKind().equals("TABLE")) {
            SchemaModel result = this;
            for (Name name : d.names()) {
                result = result.without(name);
            }
            return result;
        }
        return this;
    }

    private static ColumnInfo column(ColumnDef c, Origin origin) {
        return new ColumnInfo(c.name(), c.type(), c.notNull(), c.defaultValue(), c.primaryKey(), origin);
    }

    private SchemaModel update(Name table, java.util.function.UnaryOperator<TableInfo> change) {
        TableInfo current = table(table);
        if (current == null) {
            return this;
        }
        TableInfo updated = change.apply(current);
        return updated == current ? this : with(updated);
    }

    private SchemaModel with(TableInfo table) {
        return withLocal(key(table.schema(), table.name()), table);
    }

    private SchemaModel without(Name name) {
        return hasTable(name) ? withLocal(key(name.schema(), name.name()), DROPPED) : this;
    }

    private SchemaModel withLocal(String key, TableInfo table) {
        Map<String, TableInfo> copy = new HashMap<>(local);
        copy.put(key, table);
        if (copy.size() <= MAX_LOCAL) {
            return new SchemaModel(base, copy);
        }
        return new SchemaModel(merge(base, copy), Map.of());
    }

    /** The key a table is known by: its name, with the schema only when it is not {@code public}. */
    public static String key(Name name) {
        return key(name.schema(), name.name());
    }

    private static String key(String schema, String name) {
        return schema == null || schema.equals("public") ? name : schema + "." + name;
    }
}
