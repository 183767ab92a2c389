package dev.miglint.rules;

/** The sections of the rule catalogue (RULES.md). */
public enum Category {
    /** A migration must be safe to run again after a partial failure. */
    IDEMPOTENCY,
    /** Data loss or breaking running code. */
    DESTRUCTIVE,
    /** Takes production down while it runs. */
    LOCKING,
    /** Transactions and migration history. */
    CORRECTNESS,
    /** Team conventions and models. */
    CONVENTIONS,
    /** miglint's reports about its own reading of a file: ignore comments, unreadable files. */
    META
}
