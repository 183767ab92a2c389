package dev.miglint.change;

import dev.miglint.sql.syntax.SqlState;

public enum ConstraintKind {
    PRIMARY_KEY(SqlState.INVALID_TABLE_DEFINITION),
    // Adding a UNIQUE or EXCLUDE constraint again fails on its index name first: 42P07.
    UNIQUE(SqlState.DUPLICATE_TABLE),
    EXCLUDE(SqlState.DUPLICATE_TABLE),
    FOREIGN_KEY(SqlState.DUPLICATE_OBJECT),
    CHECK(SqlState.DUPLICATE_OBJECT),
    NOT_NULL(SqlState.DUPLICATE_OBJECT),
    UNKNOWN(SqlState.DUPLICATE_OBJECT);

    private final SqlState raisedWhenAddedAgain;

    ConstraintKind(SqlState raisedWhenAddedAgain) {
        this.raisedWhenAddedAgain = raisedWhenAddedAgain;
    }

    /** The error PostgreSQL 17 raises when the same ADD CONSTRAINT runs a second time. */
    public SqlState raisedWhenAddedAgain() {
        return raisedWhenAddedAgain;
    }
}
