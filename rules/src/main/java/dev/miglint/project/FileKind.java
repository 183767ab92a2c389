package dev.miglint.project;

/** What the project service reads a file as; decided once per file (DESIGN.md §3). */
public enum FileKind {
    /** A SQL migration (or any file named or opened that is not one of the kinds below). */
    SQL,
    /** An Alembic revision: its upgrade() as the SQL Alembic runs, and its place in the revision graph. */
    ALEMBIC_REVISION,
    /** SQLModel / SQLAlchemy model classes, compared with the schema the project's migrations build. */
    MODEL,
    /** A Drizzle {@code schema.ts} (a TypeScript file importing drizzle-orm/pg-core). */
    DRIZZLE_SCHEMA,
    /** A Drizzle migrations folder's {@code meta/_journal.json} or snapshot: the folder checks report there. */
    DRIZZLE_META,
    /** {@code .miglint.json}. */
    CONFIG,
    /** Nothing miglint reads (a Python or TypeScript file that is not one of the above). */
    OTHER
}
