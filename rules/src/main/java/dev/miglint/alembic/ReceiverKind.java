package dev.miglint.alembic;

/** What the receiver of an {@link OpCall} is. */
public enum ReceiverKind {
    /** Alembic's {@code op} itself. */
    OP,
    /** The alias of {@code with op.batch_alter_table(…) as NAME:}. */
    BATCH,
    /** A connection: a name bound from {@code op.get_bind()}, or {@code op.get_bind()} itself. */
    CONNECTION
}
