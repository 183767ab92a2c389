package dev.miglint.rules.idempotency;

import dev.miglint.change.Change;
import dev.miglint.change.Change.AddColumn;
import dev.miglint.change.Change.AddConstraint;
import dev.miglint.change.Change.CreateIndex;
import dev.miglint.change.Change.CreateObject;
import dev.miglint.change.Change.CreateTable;
import dev.miglint.change.Change.CreateType;
import dev.miglint.change.Change.Drop;
import dev.miglint.change.Change.DropColumn;
import dev.miglint.change.Change.DropConstraint;
import dev.miglint.change.ConstraintKind;
import dev.miglint.sql.syntax.SqlState;

import java.util.Map;
import java.util.Optional;

/** What a statement raises when it runs a second time, as PostgreSQL 17 reports it; rules and hovers share it. */
public final class Reruns {

    /** CREATE &lt;kind&gt; of an object that is already there. */
    private static final Map<String, SqlState> CREATE = Map.ofEntries(
            Map.entry("SCHEMA", SqlState.DUPLICATE_SCHEMA),
            Map.entry("SEQUENCE", SqlState.DUPLICATE_TABLE),
            Map.entry("VIEW", SqlState.DUPLICATE_TABLE),
            Map.entry("MATERIALIZED VIEW", SqlState.DUPLICATE_TABLE),
            Map.entry("FOREIGN TABLE", SqlState.DUPLICATE_TABLE),
            Map.entry("FUNCTION", SqlState.DUPLICATE_FUNCTION),
            Map.entry("PROCEDURE", SqlState.DUPLICATE_FUNCTION),
            Map.entry("AGGREGATE", SqlState.DUPLICATE_FUNCTION),
            Map.entry("DOMAIN", SqlState.DUPLICATE_OBJECT),
            Map.entry("EXTENSION", SqlState.DUPLICATE_OBJECT),
            Map.entry("TRIGGER", SqlState.DUPLICATE_OBJECT),
            Map.entry("POLICY", SqlState.DUPLICATE_OBJECT),
            Map.entry("RULE", SqlState.DUPLICATE_OBJECT),
            Map.entry("ROLE", SqlState.DUPLICATE_OBJECT),
            Map.entry("USER", SqlState.DUPLICATE_OBJECT),
            Map.entry("GROUP", SqlState.DUPLICATE_OBJECT));

    /** DROP &lt;kind&gt; of an object that is gone; kinds not listed raise undefined_object. */
    private static final Map<String, SqlState> DROP = Map.ofEntries(
            Map.entry("TABLE", SqlState.UNDEFINED_TABLE),
            Map.entry("VIEW", SqlState.UNDEFINED_TABLE),
            Map.entry("MATERIALIZED VIEW", SqlState.UNDEFINED_TABLE),
            Map.entry("SEQUENCE", SqlState.UNDEFINED_TABLE),
            Map.entry("FOREIGN TABLE", SqlState.UNDEFINED_TABLE),
            Map.entry("SCHEMA", SqlState.INVALID_SCHEMA_NAME),
            Map.entry("FUNCTION", SqlState.UNDEFINED_FUNCTION),
            Map.entry("PROCEDURE", SqlState.UNDEFINED_FUNCTION),
            Map.entry("ROUTINE", SqlState.UNDEFINED_FUNCTION),
            Map.entry("AGGREGATE", SqlState.UNDEFINED_FUNCTION));

    private Reruns() {
    }

    /**
     * The error {@code change} raises when it runs again over what its first run left, or empty
     * when it raises nothing (a guarded form, an unnamed constraint added twice) or is not modelled.
     */
    public static Optional<SqlState> raisedAgain(Change change) {
        if (change instanceof CreateTable t) {
            return t.ifNotExists() || t.temporary() ? Optional.empty() : Optional.of(SqlState.DUPLICATE_TABLE);
        }
        if (change instanceof CreateIndex i) {
            return i.ifNotExists() || i.name() == null ? Optional.empty() : Optional.of(SqlState.DUPLICATE_TABLE);
        }
        if (change instanceof CreateObject o) {
            return o.ifNotExists() || o.orReplace() ? Optional.empty() : Optional.ofNullable(CREATE.get(o.objectKind()));
        }
        if (change instanceof CreateType) {
            return Optional.of(SqlState.DUPLICATE_OBJECT);
        }
        if (change instanceof AddColumn a) {
            return a.ifNotExists() ? Optional.empty() : Optional.of(SqlState.DUPLICATE_COLUMN);
        }
        if (change instanceof AddConstraint c) {
            // USING INDEX renames the index on the first run, so a re-run fails on a different, name-dependent error.
            boolean named = c.name() != null || c.constraintKind() == ConstraintKind.PRIMARY_KEY;
            return named && !c.usingIndex() ? Optional.of(c.constraintKind().raisedWhenAddedAgain()) : Optional.empty();
        }
        return raisedWhenGone(change);
    }

    /** What a DROP without IF EXISTS raises when its object is already gone. */
    public static Optional<SqlState> raisedWhenGone(Change change) {
        if (change instanceof Drop d) {
            return d.ifExists() ? Optional.empty() : Optional.of(DROP.getOrDefault(d.objectKind(), SqlState.UNDEFINED_OBJECT));
        }
        if (change instanceof DropColumn d) {
            return d.ifExists() ? Optional.empty() : Optional.of(SqlState.UNDEFINED_COLUMN);
        }
        if (change instanceof DropConstraint d) {
            return d.ifExists() ? Optional.empty() : Optional.of(SqlState.UNDEFINED_OBJECT);
        }
        return Optional.empty();
    }
}
