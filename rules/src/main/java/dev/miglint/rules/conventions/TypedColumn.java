package dev.miglint.rules.conventions;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AlterColumnType;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.Name;
import dev.miglint.schema.SqlType;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A column whose type a change writes, with the range of that type in the text: what the type
 * convention rules read and rewrite.
 *
 * @param definition true for a CREATE TABLE or ADD COLUMN definition, false for ALTER COLUMN TYPE
 * @param def        the definition, or null for ALTER COLUMN TYPE
 */
record TypedColumn(Statement statement, Name table, String column, String written, SqlType type, Span typeSpan,
                   boolean definition, ColumnDef def) {

    /** The typed columns of a change; columns without a written type (PARTITION OF, OF type) are left out. */
    static List<TypedColumn> of(Change change) {
        List<TypedColumn> out = new ArrayList<>();
        if (change instanceof CreateTable t) {
            for (ColumnDef c : t.columns()) {
                add(out, t.name(), c, t.statement());
            }
        } else if (change instanceof AddColumn a) {
            add(out, a.table(), a.column(), a.statement());
        } else if (change instanceof AlterColumnType a && !a.type().isEmpty()) {
            Span span = alterTypeSpan(a);
            if (span != null) {
                out.add(new TypedColumn(a.statement(), a.table(), a.column(), a.type(), SqlType.parse(a.type()), span, false, null));
            }
        }
        return out;
    }

    /** The typed columns of a CREATE TABLE named in {@code columns}. */
    static List<TypedColumn> of(CreateTable t, Set<String> columns) {
        List<TypedColumn> out = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            if (columns.contains(c.name())) {
                add(out, t.name(), c, t.statement());
            }
        }
        return out;
    }

    private static void add(List<TypedColumn> out, Name table, ColumnDef c, Statement s) {
        Span span = c.typeSpan(s);
        if (span != null) {
            out.add(new TypedColumn(s, table, c.name(), c.type(), SqlType.parse(c.type()), span, true, c));
        }
    }

    /** ALTER [COLUMN] name [SET DATA] TYPE type: the type starts after TYPE, within the action's span. */
    private static Span alterTypeSpan(AlterColumnType a) {
        Statement s = a.statement();
        for (int i = 1; i + 1 < s.size(); i++) { // token 0 is the ALTER of ALTER TABLE
            if (s.token(i).start() < a.span().start() || !s.isWord(i, "ALTER")) {
                continue;
            }
            int k = s.isWord(i + 1, "COLUMN") ? i + 3 : i + 2; // skip the column name
            if (s.isWord(k, "SET") && s.isWord(k + 1, "DATA")) {
                k += 2;
            }
            if (s.isWord(k, "TYPE") && k + 1 < s.size()) {
                int start = s.token(k + 1).start();
                return new Span(start, start + a.type().length());
            }
            return null;
        }
        return null;
    }

    /** Replaces the type as written with {@code text}. */
    dev.miglint.text.TextEdit replaceType(String text) {
        return new dev.miglint.text.TextEdit(typeSpan.start(), typeSpan.end(), text);
    }

    /** The column's name as written, quotes included; for ALTER COLUMN TYPE its folded name. */
    String nameAsWritten() {
        return def == null ? column : def.nameSpan(statement).text(statement.source());
    }

    String where() {
        return column + " of " + table;
    }
}
