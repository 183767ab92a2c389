package dev.miglint.change;

import dev.miglint.sql.syntax.Statement;
import dev.miglint.text.Span;

import java.util.List;

/**
 * What one statement (or one action of a multi-action {@code ALTER TABLE}) does to the database.
 * Every change knows its {@link Statement} and the {@link Span} it covers. Fields of type
 * {@code int} named {@code …At} are offsets where a fix inserts text (-1 when there is none).
 */
public sealed interface Change {

    Statement statement();

    Span span();

    /** The change type, as `miglint inspect` prints it. */
    default String kind() {
        return getClass().getSimpleName();
    }

    // ---- tables and columns ----

    record CreateTable(Statement statement, Span span, Name name, boolean ifNotExists, int guardAt,
                       boolean temporary, boolean unlogged, List<ColumnDef> columns,
                       List<ConstraintDef> constraints, String partitionBy, Name partitionOf,
                       boolean asQuery) implements Change {
    }

    record AddColumn(Statement statement, Span span, Name table, ColumnDef column, boolean ifNotExists,
                     int guardAt) implements Change {
    }

    record DropColumn(Statement statement, Span span, Name table, String column, boolean ifExists,
                      boolean cascade, int guardAt) implements Change {
    }

    record AlterColumnType(Statement statement, Span span, Name table, String column, String type,
                           boolean using) implements Change {
    }

    /** SET/DROP NOT NULL, SET/DROP DEFAULT, identity and storage changes of one column. */
    record AlterColumn(Statement statement, Span span, Name table, String column, String action)
            implements Change {
    }

    record RenameColumn(Statement statement, Span span, Name table, String from, String to)
            implements Change {
    }

    record RenameTable(Statement statement, Span span, Name table, String to) implements Change {
    }

    record AddConstraint(Statement statement, Span span, Name table, String name,
                         ConstraintKind constraintKind, boolean notValid, boolean usingIndex)
            implements Change {
    }

    record DropConstraint(Statement statement, Span span, Name table, String name, boolean ifExists,
                          boolean cascade, int guardAt) implements Change {
    }

    record ValidateConstraint(Statement statement, Span span, Name table, String name) implements Change {
    }

    record RenameConstraint(Statement statement, Span span, Name table, String from, String to)
            implements Change {
    }

    /** Any other ALTER TABLE action: RLS, owner, storage parameters, partitions, triggers … */
    record AlterTable(Statement statement, Span span, Name table, String action) implements Change {
    }

    // ---- other objects ----

    record CreateIndex(Statement statement, Span span, Name name, Name table, boolean unique,
                       boolean concurrently, boolean ifNotExists, int guardAt, String method,
                       boolean partial) implements Change {
    }

    record CreateType(Statement statement, Span span, Name name, String typeKind, List<String> values)
            implements Change {
    }

    record AlterType(Statement statement, Span span, Name name, String action, boolean ifNotExists)
            implements Change {
    }

    /**
     * CREATE of every other object kind (SCHEMA, SEQUENCE, EXTENSION, VIEW, FUNCTION, TRIGGER,
     * POLICY, DOMAIN …). {@code on} is the table of a trigger, policy or rule.
     */
    record CreateObject(Statement statement, Span span, String objectKind, Name name, Name on,
                        boolean ifNotExists, boolean orReplace, int guardAt) implements Change {
    }

    record AlterObject(Statement statement, Span span, String objectKind, Name name, String action)
            implements Change {
    }

    /** DROP of any object kind; {@code on} is the table of a DROP TRIGGER/POLICY/RULE. */
    record Drop(Statement statement, Span span, String objectKind, List<Name> names, Name on,
                boolean ifExists, boolean cascade, boolean concurrently, int guardAt) implements Change {
    }

    // ---- data ----

    record Insert(Statement statement, Span span, Name table, boolean onConflict, boolean fromSelect,
                  boolean whereNotExists) implements Change {
    }

    record Update(Statement statement, Span span, Name table, boolean hasWhere) implements Change {
    }

    record Delete(Statement statement, Span span, Name table, boolean hasWhere) implements Change {
    }

    record Select(Statement statement, Span span) implements Change {
    }

    record Truncate(Statement statement, Span span, List<Name> tables, boolean cascade) implements Change {
    }

    // ---- session, transactions, privileges, the rest ----

    record Privilege(Statement statement, Span span, boolean revoke, String privileges, String objectKind)
            implements Change {
    }

    record Comment(Statement statement, Span span, String objectKind, String target) implements Change {
    }

    record SetConfig(Statement statement, Span span, String parameter, String value, boolean local,
                     boolean reset) implements Change {
    }

    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, PREPARE TRANSACTION … */
    record Transaction(Statement statement, Span span, String command) implements Change {
    }

    /**
     * An anonymous code block. {@code inner} holds the changes of the statements of its body, each
     * of whose statements carries a {@link dev.miglint.sql.syntax.Guard} naming its handlers and IFs.
     */
    record DoBlock(Statement statement, Span span, String language, Span body, List<Change> inner,
                   List<String> handlers) implements Change {
    }

    /** ANALYZE, VACUUM, REINDEX, CLUSTER, REFRESH, LOCK, CALL, COPY, NOTIFY, EXPLAIN … */
    record Utility(Statement statement, Span span, String command, Name target) implements Change {
    }

    /** A psql meta-command such as {@code \set ON_ERROR_STOP on}. */
    record MetaCommand(Statement statement, Span span, String command) implements Change {
    }

    /** A PL/pgSQL-only statement inside a DO body: RAISE, PERFORM, RETURN, an assignment … */
    record PlStatement(Statement statement, Span span, String command) implements Change {
    }

    /** A statement the recognizer does not understand: listed by inspect, ignored by rules. */
    record Unrecognized(Statement statement, Span span, String reason) implements Change {
    }
}
