import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  // expect: require-uuid-keys at "text("id")"
  id: text("id").primaryKey(),
  email: text("email").notNull(),
});

export const sessions = pgTable("sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  // expect: require-uuid-keys at "text("user_id")"
  userId: text("user_id").references(() => users.id),
  // miglint-ignore require-uuid-keys: legacy counter shared with the billing system
  legacyId: integer("legacy_id").references(() => users.id),
  expiresAt: timestamp("expires_at").notNull(),
});
