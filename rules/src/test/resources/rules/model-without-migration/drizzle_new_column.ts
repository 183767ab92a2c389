// migrations: CREATE TABLE "users" ("id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL, "email" text NOT NULL);
import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  // expect: model-without-migration at "nickname"
  nickname: text("nickname"),
});

// expect: model-without-migration at "teams"
export const teams = pgTable("teams", {
  id: uuid("id").primaryKey().defaultRandom(),
});
