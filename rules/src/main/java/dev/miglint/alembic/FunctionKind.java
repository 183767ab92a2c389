package dev.miglint.alembic;

/** Which module-level function a call is in; a def nested in upgrade() counts as upgrade. */
public enum FunctionKind {
    UPGRADE,
    DOWNGRADE,
    /** Any other function, a class, or module level. */
    OTHER
}
