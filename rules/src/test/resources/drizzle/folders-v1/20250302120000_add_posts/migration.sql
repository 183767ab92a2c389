CREATE TABLE "posts" (
	"id" serial PRIMARY KEY,
	"user_id" integer
);
--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id");