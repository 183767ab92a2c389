package dev.miglint.rules.conventions;

import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintDef;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Key columns read from the tokens of PRIMARY KEY (…) and [FOREIGN KEY (…)] REFERENCES t (…) clauses. */
final class Keys {

    /** One column of a key; {@code token} is where its name is written in the clause, or null when inline. */
    record KeyColumn(String column, Token token) {
    }

    /**
     * A foreign key column and what it points at.
     *
     * @param referencedColumn the referenced column, or null for the referenced table's primary key
     */
    record ForeignKeyColumn(KeyColumn column, Name referencedTable, String referencedColumn) {
    }

    private Keys() {
    }

    /** The primary key columns of a CREATE TABLE, inline and table-level, in order. */
    static Set<String> primaryKey(CreateTable t) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnDef c : t.columns()) {
            if (c.primaryKey()) {
                out.add(c.name());
            }
        }
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() == ConstraintKind.PRIMARY_KEY) {
                primaryKeyClause(t.statement(), c.span()).forEach(k -> out.add(k.column()));
            }
        }
        return out;
    }

    /** The foreign key columns of a CREATE TABLE, inline REFERENCES and table-level FOREIGN KEY. */
    static List<ForeignKeyColumn> foreignKeys(CreateTable t) {
        List<ForeignKeyColumn> out = new ArrayList<>();
        for (ColumnDef c : t.columns()) {
            ForeignKeyColumn fk = inlineReference(t.statement(), c);
            if (fk != null) {
                out.add(fk);
            }
        }
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() == ConstraintKind.FOREIGN_KEY) {
                out.addAll(foreignKeyClause(t.statement(), c.span()));
            }
        }
        return out;
    }

    /** The REFERENCES of a column definition, or null. */
    static ForeignKeyColumn inlineReference(Statement s, ColumnDef c) {
        if (c.references() == null) {
            return null;
        }
        int at = find(s, c.span(), "REFERENCES");
        if (at < 0) {
            return null;
        }
        List<Token> refColumns = new ArrayList<>();
        Name table = referenced(s, at + 1, refColumns);
        String refColumn = refColumns.isEmpty() ? null : refColumns.get(0).identifier(s.source());
        return table == null ? null : new ForeignKeyColumn(new KeyColumn(c.name(), null), table, refColumn);
    }

    /** The columns of {@code PRIMARY KEY (a, b)} within {@code span}. */
    static List<KeyColumn> primaryKeyClause(Statement s, Span span) {
        int at = find(s, span, "PRIMARY");
        if (at < 0 || !s.isWord(at + 1, "KEY")) {
            return List.of();
        }
        return columnList(s, at + 2).stream().map(t -> new KeyColumn(t.identifier(s.source()), t)).toList();
    }

    /** The column pairs of {@code FOREIGN KEY (a, b) REFERENCES t (x, y)} within {@code span}. */
    static List<ForeignKeyColumn> foreignKeyClause(Statement s, Span span) {
        int at = find(s, span, "FOREIGN");
        if (at < 0 || !s.isWord(at + 1, "KEY")) {
            return List.of();
        }
        List<Token> columns = columnList(s, at + 2);
        int references = find(s, span, "REFERENCES");
        if (references < 0) {
            return List.of();
        }
        List<Token> refColumns = new ArrayList<>();
        Name table = referenced(s, references + 1, refColumns);
        if (table == null) {
            return List.of();
        }
        List<ForeignKeyColumn> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Token t = columns.get(i);
            String refColumn = i < refColumns.size() ? refColumns.get(i).identifier(s.source()) : null;
            out.add(new ForeignKeyColumn(new KeyColumn(t.identifier(s.source()), t), table, refColumn));
        }
        return out;
    }

    /** Reads {@code [schema.]table [(col, …)]} from token {@code at}; the columns go to {@code columns}. */
    private static Name referenced(Statement s, int at, List<Token> columns) {
        if (!isIdentifier(s, at)) {
            return null;
        }
        int first = at;
        String schema = null;
        String name = s.token(at).identifier(s.source());
        while (s.is(at + 1, TokenKind.DOT) && isIdentifier(s, at + 2)) {
            schema = name;
            name = s.token(at + 2).identifier(s.source());
            at += 2;
        }
        columns.addAll(columnList(s, at + 1));
        return new Name(schema, name, new Span(s.token(first).start(), s.token(at).end()));
    }

    /** The identifiers of a parenthesised list starting at token {@code open}; empty when there is none. */
    private static List<Token> columnList(Statement s, int open) {
        List<Token> out = new ArrayList<>();
        if (!s.is(open, TokenKind.LPAREN)) {
            return out;
        }
        for (int i = open + 1; i < s.size() && !s.is(i, TokenKind.RPAREN); i++) {
            if (isIdentifier(s, i)) {
                out.add(s.token(i));
            }
        }
        return out;
    }

    private static int find(Statement s, Span span, String keyword) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.token(i);
            if (t.start() >= span.start() && t.end() <= span.end() && s.isWord(i, keyword)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isIdentifier(Statement s, int i) {
        return s.is(i, TokenKind.WORD) || s.is(i, TokenKind.QUOTED_IDENT);
    }
}
