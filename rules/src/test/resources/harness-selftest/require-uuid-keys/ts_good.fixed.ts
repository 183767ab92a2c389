import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  // expect: require-uuid-keys at "text("id")"
  id: uuid("id").primaryKey().defaultRandom(),
});
