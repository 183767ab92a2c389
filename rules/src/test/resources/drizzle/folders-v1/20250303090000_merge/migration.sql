ALTER TABLE "tags" ADD COLUMN "post_id" integer;
