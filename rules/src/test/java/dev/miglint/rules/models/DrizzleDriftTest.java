package dev.miglint.rules.models;

import dev.miglint.drizzle.schema.DrizzleSchema;
import dev.miglint.drizzle.schema.DrizzleSchemaReader;
import dev.miglint.rules.Analyzer;
import dev.miglint.rules.FileContext;
import dev.miglint.rules.Finding;
import dev.miglint.rules.Fixes;
import dev.miglint.rules.Severity;
import dev.miglint.schema.SchemaModel;
import dev.miglint.sql.SqlFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrizzleDriftTest {

    private static final Set<String> UUID = Set.of(DrizzleDrift.REQUIRE_UUID_KEYS);

    private static List<Finding> uuidFindings(String src) {
        return DrizzleDrift.check(DrizzleSchemaReader.parse(src), SchemaModel.EMPTY, UUID);
    }

    /** Applies every fix, and checks the result reads cleanly and has no key finding left. */
    private static String fixed(String src) {
        String out = Fixes.apply(src, Fixes.firstFixes(uuidFindings(src)));
        DrizzleSchema again = DrizzleSchemaReader.parse(out);
        assertEquals(List.of(), again.problems(), out);
        assertEquals(List.of(), uuidFindings(out), out);
        return out;
    }

    private static SchemaModel migrated(String sql) {
        return Analyzer.replay(SqlFile.parse(sql), FileContext.standalone("0000_init.sql"));
    }

    @Test
    void aTextPrimaryKeyBecomesUuidWithDefaultRandom() {
        String src = """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export const users = pgTable("users", {
                  id: text("id").primaryKey(),
                });
                """;
        List<Finding> found = uuidFindings(src);
        assertEquals(1, found.size());
        assertEquals(Severity.WARNING, found.get(0).severity());
        assertEquals("text(\"id\")", found.get(0).range().text(src));
        assertEquals("Primary key `users.id` is built with text(); keys must be uuid()", found.get(0).message());
        assertEquals("""
                import { pgTable, text, uuid } from "drizzle-orm/pg-core";
                export const users = pgTable("users", {
                  id: uuid("id").primaryKey().defaultRandom(),
                });
                """, fixed(src));
    }

    @Test
    void foreignKeysAndIntegerKeysAreRewrittenKeepingTheLayout() {
        String src = """
                import {
                \tinteger,
                \tpgTable,
                \tserial,
                \tvarchar,
                } from "drizzle-orm/pg-core";
                import { nanoid } from "nanoid";
                export const users = pgTable("users", {
                \tid: varchar("id", { length: 21 })
                \t\t.primaryKey()
                \t\t.$defaultFn(() => nanoid()),
                });
                export const posts = pgTable("posts", {
                \tid: serial("id").primaryKey(),
                \tn: integer("n").primaryKey().generatedAlwaysAsIdentity(),
                \tauthorId: varchar("author_id", { length: 21 })
                \t\t.notNull()
                \t\t.references(() => users.id),
                });
                """;
        assertEquals(4, uuidFindings(src).size());
        assertEquals("""
                import {
                \tinteger,
                \tpgTable,
                \tserial,
                \tuuid,
                \tvarchar,
                } from "drizzle-orm/pg-core";
                import { nanoid } from "nanoid";
                export const users = pgTable("users", {
                \tid: uuid("id")
                \t\t.primaryKey()
                \t\t.defaultRandom(),
                });
                export const posts = pgTable("posts", {
                \tid: uuid("id").primaryKey(),
                \tn: uuid("n").primaryKey(),
                \tauthorId: uuid("author_id")
                \t\t.notNull()
                \t\t.references(() => users.id),
                });
                """, fixed(src));
    }

    @Test
    void theCallbackFormAndAMissingImportAreHandled() {
        String src = """
                import { pgTable } from "drizzle-orm/pg-core";
                export const a = pgTable("a", (t) => ({ id: t.bigint({ mode: "number" }).primaryKey() }));
                """;
        assertEquals("""
                import { pgTable } from "drizzle-orm/pg-core";
                export const a = pgTable("a", (t) => ({ id: t.uuid().primaryKey().defaultRandom() }));
                """, fixed(src));
        String noImport = "export const b = pgTable(\"b\", { id: text(\"id\").primaryKey() });\n";
        assertEquals("import { uuid } from \"drizzle-orm/pg-core\";\n"
                + "export const b = pgTable(\"b\", { id: uuid(\"id\").primaryKey().defaultRandom() });\n", fixed(noImport));
    }

    @Test
    void uuidKeysAndNonKeyTextColumnsAreFine() {
        String src = """
                import { pgTable, text, uuid } from "drizzle-orm/pg-core";
                export const users = pgTable("users", {
                  id: uuid("id").primaryKey().defaultRandom(),
                  name: text("name").notNull(),
                  org: uuid("org").references(() => orgs.id),
                });
                """;
        assertEquals(List.of(), uuidFindings(src));
    }

    @Test
    void anIgnoreCommentOnTheLineBeforeSilencesThatColumnOrTable() {
        String src = """
                import { pgTable, text } from "drizzle-orm/pg-core";
                export const users = pgTable("users", {
                  // miglint-ignore require-uuid-keys: ids come from the identity provider
                  id: text("id").primaryKey(),
                  orgId: text("org_id").references(() => users.id),
                });
                // miglint-ignore model-without-migration: created by the auth service
                export const sessions = pgTable("sessions", {
                  token: text("token"),
                });
                """;
        List<Finding> found = DrizzleDrift.check(DrizzleSchemaReader.parse(src), migrated(
                "CREATE TABLE users (id text PRIMARY KEY, org_id text);"), DrizzleDrift.ALL);
        assertEquals(List.of("require-uuid-keys text(\"org_id\")"),
                found.stream().map(f -> f.rule() + " " + f.range().text(src)).toList());
    }

    @Test
    void driftIsReportedBothWaysWithDrizzleKitAdvice() {
        String src = """
                import { pgTable, uuid, text } from "drizzle-orm/pg-core";
                export const users = pgTable("users", {
                  id: uuid("id").primaryKey(),
                  email: text("email"),
                });
                export const teams = pgTable("teams", { id: uuid("id").primaryKey() });
                """;
        SchemaModel db = migrated("""
                CREATE TABLE "users" ("id" uuid PRIMARY KEY, "name" text);
                --> statement-breakpoint
                CREATE TABLE "audit" ("id" uuid PRIMARY KEY);
                """);
        List<Finding> found = DrizzleDrift.check(DrizzleSchemaReader.parse(src), db, DrizzleDrift.ALL);
        assertEquals(List.of(
                "migration-without-model INFO users: Column `users.name` exists after the migrations but `users` does "
                        + "not declare it",
                "migration-without-model INFO users: Table `audit` is created by the migrations but no pgTable declares it",
                "model-without-migration WARNING email: Column `users.email` (`users.email`) is not in the migrated "
                        + "table: run `npm run migrate:generate` (drizzle-kit generate)",
                "model-without-migration WARNING teams: Table `teams` (`teams`) is not created by any migration: "
                        + "run `npm run migrate:generate` (drizzle-kit generate)"),
                found.stream().map(f -> f.rule() + " " + f.severity() + " " + f.range().text(src) + ": "
                        + f.message()).toList());
        assertTrue(found.stream().allMatch(f -> !f.message().contains("alembic")));
    }

    @Test
    void aTableWithASpreadIsNotSaidToLackColumns() {
        String src = """
                import { pgTable, uuid } from "drizzle-orm/pg-core";
                export const users = pgTable("users", { id: uuid("id").primaryKey(), ...timestamps });
                """;
        SchemaModel db = migrated("CREATE TABLE users (id uuid PRIMARY KEY, created_at timestamptz);");
        assertEquals(List.of(), DrizzleDrift.check(DrizzleSchemaReader.parse(src), db,
                Set.of(DrizzleDrift.MIGRATION_WITHOUT_MODEL)));
    }
}
