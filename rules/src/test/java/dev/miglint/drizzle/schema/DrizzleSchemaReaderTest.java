package dev.miglint.drizzle.schema;

import dev.miglint.models.ModelColumn;
import dev.miglint.models.ModelFile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DrizzleSchemaReaderTest {

    private static final String USERS = """
            import { pgTable, pgEnum, uuid, text, varchar, integer, serial, bigserial, bigint, boolean, timestamp,
              date, json, jsonb, numeric, real, doublePrecision } from "drizzle-orm/pg-core";

            export const roleEnum = pgEnum("user_role", ["admin", "member"]);

            export const users = pgTable("users", {
              id: uuid("id").primaryKey().defaultRandom(),
              email: varchar("email", { length: 255 }).notNull().unique(),
              role: roleEnum("role").default("member"),
              age: integer("age"),
              n: serial("n"),
              big: bigserial("big", { mode: "number" }),
              b2: bigint("b2", { mode: "bigint" }),
              active: boolean("active").notNull().default(true),
              createdAt: timestamp("created_at", { mode: "string", withTimezone: true }).defaultNow(),
              born: date("born"),
              meta: json("meta"),
              data: jsonb("data").$type<Record<string, string>>().default({}),
              price: numeric("price", { precision: 10, scale: 2 }),
              r: real("r"),
              d: doublePrecision("d"),
              tags: text("tags").array(),
              nickname: text(),
            });
            """;

    private static DrizzleColumn col(DrizzleSchema s, String table, String key) {
        return s.tables().stream().filter(t -> t.constName().equals(table)).findFirst().orElseThrow().column(key);
    }

    @Test
    void everyBuilderHasItsSqlType() {
        DrizzleSchema s = DrizzleSchemaReader.parse(USERS);
        assertEquals(List.of(), s.problems());
        DrizzleTable t = s.tables().get(0);
        assertEquals("users", t.tableName());
        assertEquals(List.of("id uuid", "email varchar(255)", "role user_role", "age integer", "n serial",
                "big bigserial", "b2 bigint", "active boolean", "created_at timestamptz", "born date", "meta json",
                "data jsonb", "price numeric(10,2)", "r real", "d double precision", "tags text[]", "nickname text"),
                t.columns().stream().map(c -> c.name() + " " + c.sqlType()).toList());
    }

    @Test
    void modifiersSetKeysNullabilityAndUniqueness() {
        DrizzleSchema s = DrizzleSchemaReader.parse(USERS);
        DrizzleColumn id = col(s, "users", "id");
        assertTrue(id.primaryKey() && id.notNull() && id.hasDefault());
        DrizzleColumn email = col(s, "users", "email");
        assertTrue(email.notNull() && email.unique() && !email.primaryKey());
        assertEquals("varchar(\"email\", { length: 255 })", email.builderCall().text(USERS));
        assertEquals("\"email\"", email.nameArg().text(USERS));
        assertEquals("email", email.keySpan().text(USERS));
        assertFalse(col(s, "users", "age").notNull());
        assertNull(col(s, "users", "nickname").nameArg());
    }

    @Test
    void referencesResolveThroughTheConstToTheTableAndColumnNames() {
        String src = USERS + """
                export const posts = pgTable("blog_posts", {
                  postId: uuid("post_id").primaryKey(),
                  authorId: uuid("author_id").notNull().references(() => users.id, { onDelete: "cascade" }),
                  editor: uuid().references((): AnyPgColumn => users.id),
                });
                """;
        DrizzleSchema s = DrizzleSchemaReader.parse(src);
        assertEquals("users.id", col(s, "posts", "authorId").references());
        assertEquals("users", col(s, "posts", "authorId").refTable());
        assertEquals("users.id", col(s, "posts", "editor").references());
        assertEquals("editor", col(s, "posts", "editor").name());
    }

    @Test
    void tableConfigAsArrayObjectOrBlockSetsKeysAndIndexes() {
        String src = """
                import { pgTable, uuid, text, primaryKey, foreignKey, index, uniqueIndex } from "drizzle-orm/pg-core";
                export const doc = pgTable("Document", {
                  id: uuid("id").notNull(),
                  at: text("createdAt").notNull(),
                }, (table) => {
                  return { pk: primaryKey({ columns: [table.id, table.at] }) };
                });
                export const sug = pgTable("Suggestion", {
                  id: uuid("id"),
                  docId: uuid("documentId"),
                  docAt: text("documentCreatedAt"),
                  slug: text("slug"),
                  title: text("title"),
                }, (t) => ({
                  pk: primaryKey({ columns: [t.id] }),
                  ref: foreignKey({ columns: [t.docId, t.docAt], foreignColumns: [doc.id, doc.at] }).onDelete("cascade"),
                  slugIdx: uniqueIndex("sug_slug").on(t.slug),
                }));
                export const third = pgTable("third", { a: text("a"), b: text("b") }, (t) => [
                  primaryKey({ columns: [t.a, t.b] }),
                  index("third_b").on(t.b),
                ]);
                """;
        DrizzleSchema s = DrizzleSchemaReader.parse(src);
        assertEquals(List.of(), s.problems());
        assertTrue(col(s, "doc", "id").primaryKey() && col(s, "doc", "at").primaryKey());
        assertTrue(col(s, "sug", "id").primaryKey() && col(s, "sug", "id").notNull());
        assertEquals("Document.id", col(s, "sug", "docId").references());
        assertEquals("Document.createdAt", col(s, "sug", "docAt").references());
        assertTrue(col(s, "sug", "slug").unique());
        assertFalse(col(s, "sug", "title").unique());
        assertTrue(col(s, "third", "a").primaryKey() && col(s, "third", "b").primaryKey());
        assertTrue(col(s, "third", "b").index());
    }

    @Test
    void keysNameColumnsWithoutANameArgumentAndTheCallbackFormReadsToo() {
        String src = """
                import { pgTable } from "drizzle-orm/pg-core";
                export const items = pgTable("items", (t) => ({
                  id: t.uuid().primaryKey().defaultRandom(),
                  "quoted-key": t.varchar({ length: 20 }),
                  ownerId: t.text("owner_id"),
                }));
                """;
        DrizzleSchema s = DrizzleSchemaReader.parse(src);
        assertEquals(List.of(), s.problems());
        assertEquals(List.of("id uuid", "quoted-key varchar(20)", "owner_id text"),
                s.tables().get(0).columns().stream().map(c -> c.name() + " " + c.sqlType()).toList());
    }

    @Test
    void aliasesSchemasAndCustomTypesAreFollowed() {
        String src = """
                import { pgTable as table, text as str, pgSchema, customType } from "drizzle-orm/pg-core";
                const citext = customType<{ data: string }>({ dataType() { return "citext"; } });
                export const auth = pgSchema("auth");
                export const kind = auth.enum("kind", ["a", "b"]);
                export const accounts = auth.table("accounts", { email: citext("email"), kind: kind("kind") });
                export const notes = table("notes", { body: str("body") });
                """;
        DrizzleSchema s = DrizzleSchemaReader.parse(src);
        assertEquals(List.of(), s.problems());
        assertEquals("auth.accounts", s.tables().get(0).schemaKey());
        assertEquals("citext", col(s, "accounts", "email").sqlType());
        assertEquals("auth.kind", col(s, "accounts", "kind").sqlType());
        assertEquals("text", col(s, "notes", "body").sqlType());
    }

    @Test
    void whatIsNotUnderstoodIsAProblemAndTheRestIsRead() {
        String src = """
                import { pgTable, text } from "drizzle-orm/pg-core";
                import { encrypted } from "./types";
                export const t = pgTable("t", {
                  ...timestamps,
                  shared: idColumn,
                  secret: encrypted("secret"),
                  name: text(nameVar),
                  ok: text("ok").notNull(),
                });
                export const u = pgTable(tableName, { a: text("a") });
                """;
        DrizzleSchema s = DrizzleSchemaReader.parse(src);
        DrizzleTable t = s.tables().get(0);
        assertEquals(List.of("shared", "secret", "name", "ok"), t.columns().stream().map(DrizzleColumn::name).toList());
        assertEquals(List.of("...timestamps"), t.unknown());
        assertNull(t.column("secret").sqlType());
        assertEquals(5, s.problems().size(), s.problems()::toString);
        assertNull(s.tables().get(1).tableName());
    }

    @Test
    void theModelRecordsCarryWhatModelDriftCompares() {
        ModelFile m = DrizzleSchemaReader.read(USERS);
        assertEquals("users", m.tables().get(0).className());
        assertEquals("users", m.tables().get(0).tableName());
        ModelColumn email = m.tables().get(0).columns().get(1);
        assertEquals("email", email.name());
        assertEquals("varchar(255)", email.pythonType());
        assertEquals(Boolean.FALSE, email.nullable());
        assertTrue(email.unique());
    }

    @Test
    void everyPrefixOfASchemaIsReadWithoutAnException() {
        String src = USERS + "export const p = pgTable(\"p\", { a: uuid(\"a\").references(() => users.id) }, "
                + "(t) => [index(\"i\").on(t.a)]);\n";
        for (int end = 0; end <= src.length(); end++) {
            DrizzleSchemaReader.parse(src.substring(0, end), Map.of());
        }
    }
}
