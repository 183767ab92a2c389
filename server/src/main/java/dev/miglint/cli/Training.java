package dev.miglint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code miglint __train}: one pass over every kind of file and every report format on a small sample
 * project, then a short editing session, so that a class-data archive dumped at its exit
 * ({@code -XX:ArchiveClassesAtExit}, which the launcher writes once per jar) holds the classes a real run
 * loads. Writes only in a temporary folder, which it deletes.
 */
final class Training {

    private static final String REVISION = """
            from alembic import op
            import sqlalchemy as sa

            revision = "a1"
            down_revision = None


            def upgrade():
                op.create_table("users", sa.Column("id", sa.Integer(), primary_key=True))
                op.create_index("ix_users_id", "users", ["id"])


            def downgrade():
                op.drop_table("users")
            """;
    private static final String MODELS = """
            from sqlmodel import Field, SQLModel


            class User(SQLModel, table=True):
                __tablename__ = "users"
                id: int = Field(primary_key=True)
            """;
    private static final String SCHEMA = """
            import { pgTable, text } from "drizzle-orm/pg-core";

            export const notes = pgTable("notes", { id: text("id").primaryKey() });
            """;
    private static final String JOURNAL = """
            {"version":"7","dialect":"postgresql","entries":[
              {"idx":0,"version":"7","when":1700000000000,"tag":"0000_notes","breakpoints":true}]}
            """;

    private Training() {
    }

    static int run(PrintWriter ignored) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("miglint-train");
            write(dir, "migrations/001_sample.sql", sample());
            write(dir, "alembic/env.py", "");
            write(dir, "alembic/versions/a1_users.py", REVISION);
            write(dir, "app/models.py", MODELS);
            write(dir, "web/src/db/schema.ts", SCHEMA);
            write(dir, "web/drizzle/0000_notes.sql", "CREATE TABLE \"notes\" (\"id\" text PRIMARY KEY);\n");
            write(dir, "web/drizzle/meta/_journal.json", JOURNAL);
            PrintStream silent = new PrintStream(PrintStream.nullOutputStream());
            for (String format : List.of("text", "json", "sarif", "github")) {
                Main.run(List.of("check", "--format", format, dir.toString()), new PrintWriter(new StringWriter()), silent);
            }
            Main.run(List.of("fix", "--dry-run", dir.toString()), new PrintWriter(new StringWriter()), silent);
            Main.run(List.of("inspect", dir.toString()), new PrintWriter(new StringWriter()), silent);
            dev.miglint.lsp.LspMain.warmUp(400);
            return Main.OK;
        } catch (IOException | RuntimeException e) {
            return Main.USAGE;
        } finally {
            delete(dir);
        }
    }

    private static String sample() throws IOException {
        try (InputStream in = Training.class.getResourceAsStream("/dev/miglint/lsp/warmup.sql")) {
            return in == null ? "CREATE TABLE t (id int);\n" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path dir, String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
