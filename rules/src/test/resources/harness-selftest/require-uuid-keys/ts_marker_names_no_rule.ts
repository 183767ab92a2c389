import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  // expect: require-uuid-key at "text("id")"
  id: text("id").primaryKey(),
});
