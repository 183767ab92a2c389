package dev.miglint.sql;

import dev.miglint.change.Change;
import dev.miglint.change.Change.*;
import dev.miglint.change.ColumnDef;
import dev.miglint.change.ConstraintDef;
import dev.miglint.change.ConstraintKind;
import dev.miglint.change.Name;
import dev.miglint.sql.syntax.Statement;
import dev.miglint.sql.syntax.Token;
import dev.miglint.sql.syntax.TokenKind;
import dev.miglint.text.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns one statement's tokens into {@link Change}s. Reads PostgreSQL's grammar only as far as
 * rules need it; anything else becomes {@link Unrecognized}. Never throws on user input.
 */
public final class SqlRecognizer {

    /** Object kinds of CREATE/DROP/ALTER/COMMENT, longest spelling first so prefixes lose. */
    private static final String[][] OBJECT_KINDS = {
            {"FOREIGN", "DATA", "WRAPPER"}, {"TEXT", "SEARCH", "CONFIGURATION"}, {"TEXT", "SEARCH", "DICTIONARY"},
            {"TEXT", "SEARCH", "PARSER"}, {"TEXT", "SEARCH", "TEMPLATE"}, {"USER", "MAPPING"},
            {"MATERIALIZED", "VIEW"}, {"FOREIGN", "TABLE"}, {"EVENT", "TRIGGER"}, {"OPERATOR", "CLASS"},
            {"OPERATOR", "FAMILY"}, {"ACCESS", "METHOD"}, {"DEFAULT", "PRIVILEGES"}, {"LARGE", "OBJECT"},
            {"TABLE"}, {"INDEX"}, {"SCHEMA"}, {"SEQUENCE"}, {"EXTENSION"}, {"VIEW"}, {"FUNCTION"},
            {"PROCEDURE"}, {"ROUTINE"}, {"TRIGGER"}, {"POLICY"}, {"TYPE"}, {"DOMAIN"}, {"ROLE"}, {"USER"},
            {"GROUP"}, {"AGGREGATE"}, {"OPERATOR"}, {"CAST"}, {"COLLATION"}, {"CONVERSION"}, {"DATABASE"},
            {"SERVER"}, {"LANGUAGE"}, {"PUBLICATION"}, {"SUBSCRIPTION"}, {"RULE"}, {"STATISTICS"},
            {"TABLESPACE"}, {"TRANSFORM"}, {"COLUMN"}, {"CONSTRAINT"}, {"OWNED"}, {"SYSTEM"},
    };

    private static final Set<String> UTILITY_COMMANDS = Set.of(
            "ANALYZE", "ANALYSE", "VACUUM", "REINDEX", "CLUSTER", "REFRESH", "LOCK", "CALL", "COPY", "NOTIFY",
            "LISTEN", "UNLISTEN", "CHECKPOINT", "DISCARD", "SECURITY", "IMPORT", "PREPARE", "EXECUTE",
            "DEALLOCATE", "LOAD", "REASSIGN", "EXPLAIN", "FETCH", "MOVE", "CLOSE", "DECLARE", "MERGE", "SHOW");

    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of(
            "CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "GENERATED",
            "COLLATE", "COMPRESSION", "STORAGE", "DEFERRABLE", "INITIALLY");

    private static final String[][] COLUMN_ACTIONS = {
            {"SET", "NOT", "NULL"}, {"DROP", "NOT", "NULL"}, {"SET", "DEFAULT"}, {"DROP", "DEFAULT"},
            {"ADD", "GENERATED"}, {"SET", "GENERATED"}, {"DROP", "IDENTITY"}, {"DROP", "EXPRESSION"},
            {"SET", "STATISTICS"}, {"SET", "STORAGE"}, {"SET", "COMPRESSION"}, {"RESTART"},
    };

    /** SET forms whose value follows without TO or =. */
    private static final String[][] SET_FORMS = {
            {"ROLE"}, {"AUTHORIZATION"}, {"TIME", "ZONE"}, {"CONSTRAINTS"}, {"TRANSACTION"}, {"SCHEMA"}, {"NAMES"},
            {"CHARACTERISTICS"},
    };

    private SqlRecognizer() {
    }

    /** The changes of one statement; never empty. */
    public static List<Change> recognize(Statement s) {
        try {
            List<Change> changes = dispatch(s, 0);
            return changes.isEmpty() ? List.of(unrecognized(s, "empty")) : changes;
        } catch (RuntimeException | StackOverflowError e) {
            // A recognizer bug must not cost the user the rest of the file.
            return List.of(unrecognized(s, "recognizer error: " + e.getClass().getSimpleName()));
        }
    }

    private static List<Change> dispatch(Statement s, int start) {
        if (s.is(start, TokenKind.META_COMMAND)) {
            return List.of(new MetaCommand(s, s.span(), s.text(start).trim()));
        }
        if (s.is(start, TokenKind.LPAREN)) {
            return List.of(new Select(s, s.span()));
        }
        if (!s.is(start, TokenKind.WORD)) {
            return List.of(unrecognized(s, "starts with " + s.token(start).kind()));
        }
        String verb = s.text(start).toUpperCase(Locale.ROOT);
        Cursor c = new Cursor(s, start + 1);
        return switch (verb) {
            case "CREATE" -> List.of(create(c));
            case "ALTER" -> alter(c);
            case "DROP" -> List.of(drop(c));
            case "INSERT" -> List.of(insert(c));
            case "UPDATE" -> List.of(update(c));
            case "DELETE" -> List.of(delete(c));
            case "SELECT", "VALUES", "TABLE" -> List.of(new Select(s, s.span()));
            case "WITH" -> with(s, start);
            case "TRUNCATE" -> List.of(truncate(c));
            case "GRANT", "REVOKE" -> List.of(privilege(c, verb.equals("REVOKE")));
            case "COMMENT" -> List.of(comment(c));
            case "SET", "RESET" -> List.of(set(c, verb.equals("RESET")));
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" ->
                    List.of(transaction(c, verb));
            case "DO" -> List.of(doBlock(c));
            default -> UTILITY_COMMANDS.contains(verb)
                    ? List.of(utility(c, verb))
                    : List.of(unrecognized(s, "unknown statement " + verb));
        };
    }

    static Unrecognized unrecognized(Statement s, String reason) {
        return new Unrecognized(s, s.span(), reason);
    }

    // ---------------------------------------------------------------- CREATE

    private static Change create(Cursor c) {
        boolean orReplace = c.accept("OR", "REPLACE");
        boolean temporary = false;
        boolean unlogged = false;
        boolean unique = false;
        while (true) {
            String modifier = c.acceptOneOf("TEMP", "TEMPORARY", "GLOBAL", "LOCAL", "UNLOGGED", "UNIQUE",
                    "RECURSIVE", "TRUSTED", "PROCEDURAL", "DEFAULT");
            if (modifier == null) {
                // CREATE CONSTRAINT TRIGGER is a trigger.
                if (c.atAll("CONSTRAINT", "TRIGGER")) {
                    c.i++;
                    continue;
                }
                break;
            }
            temporary |= modifier.startsWith("TEMP");
            unlogged |= modifier.equals("UNLOGGED");
            unique |= modifier.equals("UNIQUE");
        }
        String kind = objectKind(c);
        if (kind == null) {
            return unrecognized(c.s, "unknown CREATE " + c.words(2));
        }
        return switch (kind) {
            case "TABLE" -> createTable(c, temporary, unlogged);
            case "INDEX" -> createIndex(c, unique);
            case "TYPE" -> createType(c);
            default -> createObject(c, kind, orReplace);
        };
    }

    private static String objectKind(Cursor c) {
        for (String[] words : OBJECT_KINDS) {
            if (c.accept(words)) {
                return String.join(" ", words);
            }
        }
        return null;
    }

    private static Change createTable(Cursor c, boolean temporary, boolean unlogged) {
        int guardAt = c.offset();
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        Name name = c.name();
        if (name == null) {
            return unrecognized(c.s, "CREATE TABLE without a name");
        }
        List<ColumnDef> columns = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        Name partitionOf = null;
        boolean asQuery = false;
        if (c.accept("PARTITION", "OF")) {
            partitionOf = c.name();
        } else if (c.accept("OF")) {
            c.name();
        }
        if (c.at(TokenKind.LPAREN)) {
            int close = c.matchingParen(c.i);
            for (int[] element : splitTopLevel(c.s, c.i + 1, close)) {
                tableElement(c.s, element[0], element[1], columns, constraints);
            }
            c.i = close + 1;
        }
        String partitionBy = null;
        int partition = c.findTopLevel(c.i, c.s.size(), "PARTITION");
        if (partition >= 0 && c.s.isWord(partition + 1, "BY")) {
            partitionBy = c.s.isWord(partition + 2, "RANGE") || c.s.isWord(partition + 2, "LIST")
                    || c.s.isWord(partition + 2, "HASH") ? c.s.text(partition + 2).toUpperCase(Locale.ROOT) : "?";
        }
        if (c.findTopLevel(c.i, c.s.size(), "AS") >= 0) {
            asQuery = true;
        }
        return new CreateTable(c.s, c.s.span(), name, ifNotExists, ifNotExists ? -1 : guardAt, temporary,
                unlogged, List.copyOf(columns), List.copyOf(constraints), partitionBy, partitionOf, asQuery);
    }

    private static void tableElement(Statement s, int from, int to, List<ColumnDef> columns,
                                     List<ConstraintDef> constraints) {
        if (from >= to) {
            return;
        }
        Cursor e = new Cursor(s, from);
        if (atTableConstraint(e)) {
            String name = e.accept("CONSTRAINT") ? e.ident() : null;
            constraints.add(new ConstraintDef(name, constraintKind(e), new Span(s.token(from).start(),
                    s.token(to - 1).end())));
            return;
        }
        if (e.at("LIKE")) {
            return;
        }
        ColumnDef column = columnDef(s, from, to);
        if (column != null) {
            columns.add(column);
        }
    }

    /** EXCLUDE is not reserved, so a column may be named exclude: only EXCLUDE USING/( starts a constraint. */
    private static boolean atTableConstraint(Cursor c) {
        if (c.at("EXCLUDE")) {
            return c.s.isWord(c.i + 1, "USING") || c.s.is(c.i + 1, TokenKind.LPAREN);
        }
        return c.at("CONSTRAINT") || c.at("PRIMARY") || c.at("UNIQUE") || c.at("FOREIGN") || c.at("CHECK");
    }

    /** Reads {@code name type [constraints…]} from tokens [from, to). */
    static ColumnDef columnDef(Statement s, int from, int to) {
        Cursor c = new Cursor(s, from);
        String name = c.ident();
        if (name == null) {
            return null;
        }
        int typeStart = c.i;
        int depth = 0;
        while (c.i < to) {
            TokenKind k = s.token(c.i).kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN) {
                depth--;
            } else if (depth == 0 && k == TokenKind.WORD
                    && COLUMN_CONSTRAINT_WORDS.contains(s.text(c.i).toUpperCase(Locale.ROOT))) {
                break;
            }
            c.i++;
        }
        String type = c.textOf(typeStart, c.i - 1);
        boolean notNull = false;
        boolean primaryKey = false;
        boolean unique = false;
        boolean generated = false;
        String defaultValue = null;
        String references = null;
        while (c.i < to) {
            if (c.at(TokenKind.LPAREN)) {
                c.skipParens(); // CHECK (…), GENERATED … AS (…): expressions, not column constraints
            } else if (c.accept("ON")) {
                // ON DELETE/UPDATE SET NULL | SET DEFAULT [(cols)] | CASCADE | RESTRICT | NO ACTION
                c.acceptOneOf("DELETE", "UPDATE");
                if (c.accept("SET")) {
                    c.acceptOneOf("NULL", "DEFAULT");
                } else if (!c.accept("NO", "ACTION")) {
                    c.acceptOneOf("CASCADE", "RESTRICT");
                }
            } else if (c.accept("NOT", "NULL")) {
                notNull = true;
            } else if (c.accept("PRIMARY", "KEY")) {
                primaryKey = true;
                notNull = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
            } else if (c.accept("DEFAULT")) {
                int exprStart = c.i;
                skipUntilConstraintWord(c, to);
                defaultValue = c.textOf(exprStart, c.i - 1);
            } else if (c.accept("REFERENCES")) {
                Name target = c.name();
                references = target == null ? null : target.qualified();
            } else if (c.accept("GENERATED")) {
                generated = true;
            } else {
                c.i++;
            }
        }
        return new ColumnDef(name, type, notNull, primaryKey, unique, defaultValue, references, generated,
                new Span(s.token(from).start(), s.token(to - 1).end()));
    }

    private static void skipUntilConstraintWord(Cursor c, int to) {
        int depth = 0;
        while (c.i < to) {
            TokenKind k = c.s.token(c.i).kind();
            if (k == TokenKind.LPAREN) {
                depth++;
            } else if (k == TokenKind.RPAREN) {
                depth--;
            } else if (depth == 0 && k == TokenKind.WORD
                    && COLUMN_CONSTRAINT_WORDS.contains(c.s.text(c.i).toUpperCase(Locale.ROOT))
                    && !c.s.text(c.i).equalsIgnoreCase("NULL")) {
                return;
            }
            c.i++;
        }
    }

    private static ConstraintKind constraintKind(Cursor c) {
        if (c.at("PRIMARY")) {
            return ConstraintKind.PRIMARY_KEY;
        }
        if (c.at("UNIQUE")) {
            return ConstraintKind.UNIQUE;
        }
        if (c.at("FOREIGN")) {
            return ConstraintKind.FOREIGN_KEY;
        }
        if (c.at("CHECK")) {
            return ConstraintKind.CHECK;
        }
        if (c.at("EXCLUDE")) {
            return ConstraintKind.EXCLUDE;
        }
        if (c.at("NOT")) {
            return ConstraintKind.NOT_NULL;
        }
        return ConstraintKind.UNKNOWN;
    }

    private static Change createIndex(Cursor c, boolean unique) {
        boolean concurrently = c.accept("CONCURRENTLY");
        int guardAt = c.offset();
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        Name name = c.at("ON") ? null : c.name();
        if (!c.accept("ON")) {
            return unrecognized(c.s, "CREATE INDEX without ON");
        }
        c.accept("ONLY");
        Name table = c.name();
        String method = c.accept("USING") ? c.ident() : null;
        boolean partial = c.findTopLevel(c.i, c.s.size(), "WHERE") >= 0;
        // IF NOT EXISTS needs an index name, so an unnamed index has no place for the guard.
        int fixAt = ifNotExists || name == null ? -1 : guardAt;
        return new CreateIndex(c.s, c.s.span(), name, table, unique, concurrently, ifNotExists, fixAt, method,
                partial);
    }

    private static Change createType(Cursor c) {
        Name name = c.name();
        if (name == null) {
            return unrecognized(c.s, "CREATE TYPE without a name");
        }
        String typeKind = "SHELL";
        List<String> values = new ArrayList<>();
        if (c.accept("AS", "ENUM")) {
            typeKind = "ENUM";
            int close = c.at(TokenKind.LPAREN) ? c.matchingParen(c.i) : c.i;
            for (int k = c.i + 1; k < close; k++) {
                if (c.s.is(k, TokenKind.STRING)) {
                    String v = c.s.text(k);
                    values.add(v.substring(1, Math.max(1, v.length() - 1)).replace("''", "'"));
                }
            }
        } else if (c.accept("AS", "RANGE")) {
            typeKind = "RANGE";
        } else if (c.accept("AS")) {
            typeKind = "COMPOSITE";
        } else if (c.at(TokenKind.LPAREN)) {
            typeKind = "BASE";
        }
        return new CreateType(c.s, c.s.span(), name, typeKind, List.copyOf(values));
    }

    private static Change createObject(Cursor c, String kind, boolean orReplace) {
        int guardAt = c.offset();
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        Name name = switch (kind) {
            case "SCHEMA" -> c.at("AUTHORIZATION") ? null : c.name();
            case "CAST", "TRANSFORM" -> null;
            case "USER MAPPING" -> null;
            default -> c.name();
        };
        if (name == null && kind.equals("SCHEMA")) {
            c.accept("AUTHORIZATION");
            name = c.name();
        }
        Name on = null;
        if (kind.equals("TRIGGER") || kind.equals("POLICY")) {
            int onAt = c.findTopLevel(c.i, c.s.size(), "ON");
            if (onAt >= 0) {
                Cursor t = new Cursor(c.s, onAt + 1);
                on = t.name();
            }
        } else if (kind.equals("RULE")) {
            int toAt = c.findTopLevel(c.i, c.s.size(), "TO");
            if (toAt >= 0) {
                on = new Cursor(c.s, toAt + 1).name();
            }
        }
        boolean guardable = Set.of("SCHEMA", "SEQUENCE", "EXTENSION", "MATERIALIZED VIEW", "FOREIGN TABLE",
                "SERVER", "STATISTICS", "USER MAPPING", "COLLATION", "ACCESS METHOD").contains(kind);
        int fixAt = ifNotExists || !guardable ? -1 : guardAt;
        return new CreateObject(c.s, c.s.span(), kind, name, on, ifNotExists, orReplace, fixAt);
    }

    // ---------------------------------------------------------------- ALTER

    private static List<Change> alter(Cursor c) {
        String kind = objectKind(c);
        if (kind == null) {
            return List.of(unrecognized(c.s, "unknown ALTER " + c.words(2)));
        }
        return switch (kind) {
            case "TABLE", "FOREIGN TABLE" -> alterTable(c);
            case "TYPE" -> List.of(alterType(c));
            default -> List.of(alterObject(c, kind));
        };
    }

    private static Change alterObject(Cursor c, String kind) {
        c.accept("IF", "EXISTS");
        Name name = kind.equals("DEFAULT PRIVILEGES") || kind.equals("SYSTEM") ? null : c.name();
        if (c.at(TokenKind.LPAREN)) {
            c.skipParens();
        }
        return new AlterObject(c.s, c.s.span(), kind, name, c.words(3));
    }

    private static Change alterType(Cursor c) {
        Name name = c.name();
        String action = c.words(2);
        boolean ifNotExists = c.findTopLevel(c.i, c.s.size(), "EXISTS") >= 0 && c.atAll("ADD", "VALUE");
        return new AlterType(c.s, c.s.span(), name, action, ifNotExists);
    }

    private static List<Change> alterTable(Cursor c) {
        c.accept("IF", "EXISTS");
        if (c.atAll("ALL", "IN")) {
            return List.of(new AlterTable(c.s, c.s.span(), null, "ALL IN TABLESPACE"));
        }
        c.accept("ONLY");
        Name table = c.name();
        if (table == null) {
            return List.of(unrecognized(c.s, "ALTER TABLE without a name"));
        }
        c.accept(TokenKind.OPERATOR); // the "*" of "name *"
        List<int[]> actions = splitTopLevel(c.s, c.i, c.s.size());
        boolean single = actions.size() == 1;
        List<Change> changes = new ArrayList<>(actions.size());
        for (int[] action : actions) {
            if (action[0] >= action[1]) {
                continue;
            }
            Span span = single ? c.s.span() : new Span(c.s.token(action[0]).start(), c.s.token(action[1] - 1).end());
            changes.add(tableAction(c.s, table, action[0], action[1], span));
        }
        return changes.isEmpty() ? List.of(unrecognized(c.s, "ALTER TABLE without an action")) : changes;
    }

    private static Change tableAction(Statement s, Name table, int from, int to, Span span) {
        Cursor c = new Cursor(s, from);
        if (c.accept("ADD")) {
            return addAction(c, table, to, span);
        }
        if (c.accept("DROP")) {
            return dropAction(c, table, span);
        }
        if (c.accept("ALTER")) {
            return alterColumnAction(c, table, to, span);
        }
        if (c.accept("VALIDATE", "CONSTRAINT")) {
            return new ValidateConstraint(s, span, table, c.ident());
        }
        if (c.accept("RENAME")) {
            if (c.accept("TO")) {
                return new RenameTable(s, span, table, c.ident());
            }
            if (c.accept("CONSTRAINT")) {
                String from2 = c.ident();
                c.accept("TO");
                return new RenameConstraint(s, span, table, from2, c.ident());
            }
            c.accept("COLUMN");
            String column = c.ident();
            c.accept("TO");
            return new RenameColumn(s, span, table, column, c.ident());
        }
        String action = c.words(4);
        return action.isEmpty() ? unrecognized(s, "unknown ALTER TABLE action")
                : new AlterTable(s, span, table, action);
    }

    private static Change addAction(Cursor c, Name table, int to, Span span) {
        if (atTableConstraint(c)) {
            String name = c.accept("CONSTRAINT") ? c.ident() : null;
            ConstraintKind kind = constraintKind(c);
            boolean usingIndex = c.findTopLevel(c.i, to, "USING") >= 0
                    && (kind == ConstraintKind.UNIQUE || kind == ConstraintKind.PRIMARY_KEY)
                    && c.s.isWord(c.findTopLevel(c.i, to, "USING") + 1, "INDEX");
            boolean notValid = false;
            int not = c.findTopLevel(c.i, to, "NOT");
            while (not >= 0) {
                if (c.s.isWord(not + 1, "VALID")) {
                    notValid = true;
                    break;
                }
                not = c.findTopLevel(not + 1, to, "NOT");
            }
            return new AddConstraint(c.s, span, table, name, kind, notValid, usingIndex);
        }
        c.accept("COLUMN");
        int guardAt = c.offset();
        boolean ifNotExists = c.accept("IF", "NOT", "EXISTS");
        ColumnDef column = columnDef(c.s, c.i, to);
        if (column == null) {
            return unrecognized(c.s, "ADD without a column");
        }
        return new AddColumn(c.s, span, table, column, ifNotExists, ifNotExists ? -1 : guardAt);
    }

    private static Change dropAction(Cursor c, Name table, Span span) {
        if (c.accept("CONSTRAINT")) {
            int guardAt = c.offset();
            boolean ifExists = c.accept("IF", "EXISTS");
            String name = c.ident();
            boolean cascade = c.accept("CASCADE");
            return new DropConstraint(c.s, span, table, name, ifExists, cascade, ifExists ? -1 : guardAt);
        }
        if (!c.at("COLUMN") && (c.at("NOT") || c.at("DEFAULT") || c.at("IDENTITY") || c.at("EXPRESSION"))) {
            return new AlterTable(c.s, span, table, "DROP " + c.words(2));
        }
        c.accept("COLUMN");
        int guardAt = c.offset();
        boolean ifExists = c.accept("IF", "EXISTS");
        String column = c.ident();
        boolean cascade = c.accept("CASCADE");
        return new DropColumn(c.s, span, table, column, ifExists, cascade, ifExists ? -1 : guardAt);
    }

    private static Change alterColumnAction(Cursor c, Name table, int to, Span span) {
        if (c.at("CONSTRAINT")) {
            return new AlterTable(c.s, span, table, "ALTER CONSTRAINT");
        }
        c.accept("COLUMN");
        String column = c.ident();
        if (c.accept("SET", "DATA", "TYPE") || c.accept("TYPE")) {
            int typeStart = c.i;
            int using = c.findTopLevel(c.i, to, "USING");
            int collate = c.findTopLevel(c.i, to, "COLLATE");
            int typeEnd = using >= 0 ? using : collate >= 0 ? collate : to;
            return new AlterColumnType(c.s, span, table, column, c.textOf(typeStart, typeEnd - 1), using >= 0);
        }
        return new AlterColumn(c.s, span, table, column, columnAction(c));
    }

    /** "SET NOT NULL", "DROP DEFAULT", "ADD GENERATED" …: the action without its arguments. */
    private static String columnAction(Cursor c) {
        for (String[] action : COLUMN_ACTIONS) {
            if (c.atAll(action)) {
                return String.join(" ", action);
            }
        }
        return c.words(2);
    }

    // ---------------------------------------------------------------- DROP

    private static Change drop(Cursor c) {
        String kind = objectKind(c);
        if (kind == null) {
            return unrecognized(c.s, "unknown DROP " + c.words(2));
        }
        boolean concurrently = c.accept("CONCURRENTLY");
        int guardAt = c.offset();
        boolean ifExists = c.accept("IF", "EXISTS");
        List<Name> names = new ArrayList<>();
        if (kind.equals("OWNED")) {
            c.accept("BY");
        }
        while (!c.atEnd()) {
            Name name = c.name();
            if (name == null) {
                break;
            }
            names.add(name);
            c.skipParens();
            if (!c.accept(TokenKind.COMMA)) {
                break;
            }
        }
        Name on = null;
        if (c.accept("ON")) {
            on = c.name();
        }
        boolean cascade = c.findTopLevel(c.i, c.s.size(), "CASCADE") >= 0;
        return new Drop(c.s, c.s.span(), kind, List.copyOf(names), on, ifExists, cascade, concurrently,
                ifExists ? -1 : guardAt);
    }

    // ---------------------------------------------------------------- data

    private static Change insert(Cursor c) {
        c.accept("INTO");
        Name table = c.name();
        int end = c.s.size();
        boolean onConflict = false;
        int on = c.findTopLevel(c.i, end, "ON");
        while (on >= 0) {
            if (c.s.isWord(on + 1, "CONFLICT")) {
                onConflict = true;
                break;
            }
            on = c.findTopLevel(on + 1, end, "ON");
        }
        boolean fromSelect = c.findTopLevel(c.i, end, "SELECT") >= 0;
        boolean whereNotExists = false;
        for (int k = c.i; k + 2 < end; k++) {
            if (c.s.isWord(k, "WHERE") && c.s.isWord(k + 1, "NOT") && c.s.isWord(k + 2, "EXISTS")) {
                whereNotExists = true;
                break;
            }
        }
        return new Insert(c.s, c.s.span(), table, onConflict, fromSelect, whereNotExists);
    }

    private static Change update(Cursor c) {
        c.accept("ONLY");
        Name table = c.name();
        return new Update(c.s, c.s.span(), table, c.findTopLevel(c.i, c.s.size(), "WHERE") >= 0);
    }

    private static Change delete(Cursor c) {
        c.accept("FROM");
        c.accept("ONLY");
        Name table = c.name();
        return new Delete(c.s, c.s.span(), table, c.findTopLevel(c.i, c.s.size(), "WHERE") >= 0);
    }

    /** WITH … AS (…) then the main statement: recognise that one. */
    private static List<Change> with(Statement s, int start) {
        Cursor c = new Cursor(s, start + 1);
        for (String verb : new String[]{"INSERT", "UPDATE", "DELETE", "MERGE", "SELECT", "VALUES"}) {
            int at = c.findTopLevel(start + 1, s.size(), verb);
            if (at >= 0 && !s.isWord(at - 1, "AS")) {
                return dispatch(s, at);
            }
        }
        return List.of(new Select(s, s.span()));
    }

    private static Change truncate(Cursor c) {
        c.accept("TABLE");
        List<Name> tables = new ArrayList<>();
        while (!c.atEnd()) {
            c.accept("ONLY");
            Name name = c.name();
            if (name == null) {
                break;
            }
            tables.add(name);
            c.accept(TokenKind.OPERATOR);
            if (!c.accept(TokenKind.COMMA)) {
                break;
            }
        }
        return new Truncate(c.s, c.s.span(), List.copyOf(tables), c.findTopLevel(c.i, c.s.size(), "CASCADE") >= 0);
    }

    // ---------------------------------------------------------------- session and the rest

    private static Change privilege(Cursor c, boolean revoke) {
        int on = c.findTopLevel(c.i, c.s.size(), "ON");
        String privileges = on > c.i ? c.textOf(c.i, on - 1) : c.words(3);
        String objectKind = null;
        if (on >= 0) {
            Cursor k = new Cursor(c.s, on + 1);
            if (k.accept("ALL")) {
                // ON ALL TABLES|SEQUENCES|FUNCTIONS|PROCEDURES|ROUTINES IN SCHEMA …
                String plural = k.acceptOneOf("TABLES", "SEQUENCES", "FUNCTIONS", "PROCEDURES", "ROUTINES");
                objectKind = plural == null ? null : plural.substring(0, plural.length() - 1);
            }
            if (objectKind == null) {
                objectKind = objectKind(k);
            }
        }
        return new Privilege(c.s, c.s.span(), revoke, privileges, objectKind == null ? "TABLE" : objectKind);
    }

    private static Change comment(Cursor c) {
        if (!c.accept("ON")) {
            return unrecognized(c.s, "COMMENT without ON");
        }
        String kind = objectKind(c);
        int is = c.findTopLevel(c.i, c.s.size(), "IS");
        int targetStart = c.i;
        Name name = c.name();
        // A plain (schema.)name is shown normalised; anything longer (ON table, (args)) as written.
        String target = name != null && c.i == is ? name.qualified() : is > targetStart ? c.textOf(targetStart, is - 1) : "";
        return new Comment(c.s, c.s.span(), kind == null ? c.words(1) : kind, target);
    }

    private static Change set(Cursor c, boolean reset) {
        boolean local = c.accept("LOCAL");
        c.accept("SESSION");
        for (String[] special : SET_FORMS) {
            if (c.accept(special)) {
                // These take their value without TO or =: SET ROLE x, SET TIME ZONE 'UTC' …
                String value = c.atEnd() ? null : c.textOf(c.i, c.s.size() - 1);
                return new SetConfig(c.s, c.s.span(), String.join("_", special).toLowerCase(Locale.ROOT), value,
                        local, reset);
            }
        }
        int nameStart = c.i;
        while (!c.atEnd() && !c.at("TO") && !c.at(TokenKind.OPERATOR)) {
            if (c.at(TokenKind.DOT) || c.atIdentifier()) {
                c.i++;
            } else {
                break;
            }
        }
        String parameter = c.textOf(nameStart, c.i - 1).toLowerCase(Locale.ROOT);
        String value = null;
        if (c.accept("TO") || c.accept(TokenKind.OPERATOR)) {
            value = c.textOf(c.i, c.s.size() - 1);
        }
        return new SetConfig(c.s, c.s.span(), parameter, value, local, reset);
    }

    private static Change transaction(Cursor c, String verb) {
        String command = switch (verb) {
            case "START", "BEGIN" -> "BEGIN";
            case "END" -> "COMMIT";
            case "ABORT" -> "ROLLBACK";
            default -> verb;
        };
        if (verb.equals("ROLLBACK") && (c.at("TO") || c.atAll("PREPARED"))) {
            command = c.at("TO") ? "ROLLBACK TO SAVEPOINT" : "ROLLBACK PREPARED";
        } else if (verb.equals("COMMIT") && c.at("PREPARED")) {
            command = "COMMIT PREPARED";
        }
        if (verb.equals("START") && !c.at("TRANSACTION")) {
            return unrecognized(c.s, "unknown START");
        }
        return new Transaction(c.s, c.s.span(), command);
    }

    private static Change doBlock(Cursor c) {
        String language = "plpgsql";
        Token body = null;
        while (!c.atEnd()) {
            if (c.accept("LANGUAGE")) {
                String lang = c.ident();
                if (lang == null && c.at(TokenKind.STRING)) {
                    String quoted = c.s.text(c.i++);
                    lang = quoted.substring(1, Math.max(1, quoted.length() - 1));
                }
                language = lang == null ? language : lang.toLowerCase(Locale.ROOT);
            } else if (c.at(TokenKind.DOLLAR_STRING) || c.at(TokenKind.STRING)) {
                body = c.s.token(c.i++);
            } else {
                c.i++;
            }
        }
        if (body == null) {
            return unrecognized(c.s, "DO without a body");
        }
        return PlBodyParser.parse(c.s, body, language);
    }

    private static Change utility(Cursor c, String verb) {
        String command = verb;
        if (verb.equals("REFRESH") && c.accept("MATERIALIZED", "VIEW")) {
            command = "REFRESH MATERIALIZED VIEW";
            c.accept("CONCURRENTLY");
        } else if (verb.equals("LOCK")) {
            c.accept("TABLE");
            c.accept("ONLY");
        } else if (verb.equals("REINDEX") || verb.equals("VACUUM") || verb.equals("ANALYZE") || verb.equals("CLUSTER")) {
            c.skipParens();
            while (c.acceptOneOf("TABLE", "INDEX", "SCHEMA", "DATABASE", "SYSTEM", "CONCURRENTLY", "VERBOSE",
                    "FULL", "FREEZE", "ANALYZE", "ANALYSE") != null) {
                c.skipParens();
            }
        }
        Name target = c.name();
        return new Utility(c.s, c.s.span(), command, target);
    }

    /** Splits tokens [from, to) at commas of parenthesis depth 0; each element is {start, end}. */
    static List<int[]> splitTopLevel(Statement s, int from, int to) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int k = from; k < to; k++) {
            TokenKind kind = s.token(k).kind();
            if (kind == TokenKind.LPAREN || kind == TokenKind.LBRACKET) {
                depth++;
            } else if (kind == TokenKind.RPAREN || kind == TokenKind.RBRACKET) {
                depth--;
            } else if (kind == TokenKind.COMMA && depth == 0) {
                parts.add(new int[]{start, k});
                start = k + 1;
            }
        }
        parts.add(new int[]{start, to});
        return parts;
    }
}
