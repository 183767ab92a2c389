// migrations: CREATE TABLE "users" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "email" text NOT NULL, "legacy_md5" text);
import { pgTable, text, uuid } from "drizzle-orm/pg-core";

// expect: migration-without-model at "users"
export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
});
