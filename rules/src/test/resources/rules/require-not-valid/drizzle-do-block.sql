-- drizzle-kit's guarded foreign key on a table created by an earlier migration.
DO $$ BEGIN
 -- expect: require-not-valid at "ALTER TABLE "Message" ADD CONSTRAINT "Message_chatId_Chat_id_fk""
 ALTER TABLE "Message" ADD CONSTRAINT "Message_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id") ON DELETE no action ON UPDATE no action;
EXCEPTION
 WHEN duplicate_object THEN null;
END $$;
--> statement-breakpoint
-- expect: require-not-valid at "ALTER TABLE "Vote" ADD CONSTRAINT "Vote_chatId_Chat_id_fk""
ALTER TABLE "Vote" ADD CONSTRAINT "Vote_chatId_Chat_id_fk" FOREIGN KEY ("chatId") REFERENCES "public"."Chat"("id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "Vote_chatId_idx" ON "Vote" ("chatId");
