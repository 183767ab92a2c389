package dev.miglint.insight;

import dev.miglint.change.Change;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.DoBlock;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.Truncate;
import dev.miglint.change.Name;
import dev.miglint.rules.locking.Locks;
import dev.miglint.schema.ColumnInfo;
import dev.miglint.schema.SchemaModel;
import dev.miglint.schema.TableInfo;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;

/** Finds the table or column named at an offset of one change. */
final class Names {

    private Names() {
    }

    /** The tables a change names, with their spans. */
    static List<Name> tables(Change change) {
        List<Name> names = new ArrayList<>();
        if (change instanceof CreateTable t) {
            names.add(t.name());
        } else if (change instanceof Drop d && d.objectKind().equals("TABLE")) {
            names.addAll(d.names());
        } else if (change instanceof Truncate t) {
            names.addAll(t.tables());
        }
        Name locked = Locks.tableOf(change);
        if (locked != null && !names.contains(locked)) {
            names.add(locked);
        }
        if (change instanceof CreateTable t && t.partitionOf() != null) {
            names.add(t.partitionOf());
        }
        return names;
    }

    /**
     * The object named at {@code offset} in {@code change}: a table name, a column of the change's
     * table, or a table (and column) after REFERENCES. Looked up in the schema before the change,
     * then after it (for what the change itself creates).
     */
    static SchemaObject at(Change change, int offset, SchemaModel before, SchemaModel after) {
        if (change instanceof DoBlock) {
            return null;
        }
        List<Name> tables = tables(change);
        for (Name name : tables) {
            if (name != null && name.span() != null && touches(name.span(), offset)) {
                TableInfo table = lookUp(name, before, after);
                return table == null ? null : new SchemaObject(name.span(), table, null);
            }
        }
        Statement s = change.statement();
        int i = tokenAt(s, offset);
        if (i < 0 || !isIdentifier(s.token(i)) || !inside(change.span(), s.token(i))) {
            return null;
        }
        Token token = s.token(i);
        Span span = new Span(token.start(), token.end());
        Name referenced = referencedTable(s, i);
        if (referenced != null) {
            TableInfo table = lookUp(referenced, before, after);
            if (table == null) {
                return null;
            }
            if (referenced.span() != null && referenced.span().contains(token.start())) {
                return new SchemaObject(span, table, null);
            }
            ColumnInfo column = table.column(token.identifier(s.source()));
            return column == null ? null : new SchemaObject(span, table, column);
        }
        if (tables.isEmpty() || tables.get(0) == null) {
            return null;
        }
        String identifier = token.identifier(s.source());
        for (SchemaModel schema : new SchemaModel[] {before, after}) {
            TableInfo table = schema.table(tables.get(0));
            if (table != null && table.column(identifier) != null) {
                return new SchemaObject(span, table, table.column(identifier));
            }
        }
        return null;
    }

    private static TableInfo lookUp(Name name, SchemaModel before, SchemaModel after) {
        TableInfo table = before.table(name);
        return table != null ? table : after.table(name);
    }

    /** A cursor right after a name still points at it, as editors place it after typing. */
    private static boolean touches(Span span, int offset) {
        return offset >= span.start() && offset <= span.end();
    }

    private static boolean inside(Span span, Token t) {
        return t.start() >= span.start() && t.end() <= span.end();
    }

    private static int tokenAt(Statement s, int offset) {
        int touching = -1;
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (t.start() <= offset && offset < t.end()) {
                return i;
            }
            if (t.end() == offset && isIdentifier(t)) {
                touching = i;
            }
            if (t.start() > offset) {
                break;
            }
        }
        return touching;
    }

    private static boolean isIdentifier(Token t) {
        return t.kind() == TokenKind.WORD || t.kind() == TokenKind.QUOTED_IDENT;
    }

    /**
     * The table of {@code REFERENCES t (…)} when token {@code i} is that table's name or one of the
     * columns in its parentheses; null otherwise.
     */
    private static Name referencedTable(Statement s, int i) {
        int at = i;
        // Inside the parentheses: step back to the "(" that opens them.
        if (!s.isWord(i - 1, "REFERENCES") && !s.is(i - 1, TokenKind.DOT)) {
            int k = i - 1;
            while (k >= 0 && (isIdentifier(s.token(k)) || s.is(k, TokenKind.COMMA))) {
                k--;
            }
            if (!s.is(k, TokenKind.LPAREN)) {
                return null;
            }
            at = k - 1;
        }
        // Now at (or inside) the possibly qualified table name: find REFERENCES before it.
        int end = at;
        int start = at;
        while (start - 2 >= 0 && s.is(start - 1, TokenKind.DOT) && isIdentifier(s.token(start - 2))) {
            start -= 2;
        }
        if (s.is(end + 1, TokenKind.DOT) && isIdentifier(s.token(Math.min(end + 2, s.size() - 1)))) {
            end += 2;
        }
        if (!s.isWord(start - 1, "REFERENCES") || !isIdentifier(s.token(end))) {
            return null;
        }
        String schema = start == end ? null : s.token(start).identifier(s.source());
        return new Name(schema, s.token(end).identifier(s.source()), new Span(s.token(start).start(), s.token(end).end()));
    }
}
