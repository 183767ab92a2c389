import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  // expect: require-uuid-keys at "text("id")"
  id: text("id").primaryKey(),
});
