package dev.miglint.config;

import java.util.Locale;
import java.util.Optional;

/** The tool that applies the migrations, and how it uses transactions. */
public enum Runner {
    /** psql, golang-migrate, plain scripts: no transaction unless the file says BEGIN. */
    NONE,
    /**
     * Flyway runs each migration file in its own transaction, except a file holding a statement
     * PostgreSQL refuses in one (CREATE INDEX CONCURRENTLY …), which it runs without (the analyzer
     * works that out per file).
     */
    FLYWAY,
    /** drizzle-kit's migrator runs all pending files in one transaction. */
    DRIZZLE,
    /**
     * Prisma sends a migration file as one multi-statement query, which PostgreSQL runs as one
     * implicit transaction when it holds more than one statement.
     */
    PRISMA,
    /** The Supabase CLI applies each migration file in a transaction. */
    SUPABASE,
    /** Alembic on PostgreSQL runs migrations inside a transaction (transactional DDL). */
    ALEMBIC;

    /** True when a file with {@code statements} top-level statements runs inside a transaction it did not open. */
    public boolean wrapsFile(int statements) {
        return switch (this) {
            case NONE -> false;
            case PRISMA -> statements > 1;
            default -> true;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Runner> parse(String value) {
        for (Runner r : values()) {
            if (r.label().equals(value)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
