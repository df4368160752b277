DROP INDEX "clocks_open_idx";--> statement-breakpoint
DROP INDEX "clocks_status_due_idx";--> statement-breakpoint
ALTER TABLE "clocks" ADD COLUMN "alerted_for" text;--> statement-breakpoint
CREATE INDEX "clocks_status_scope_due_idx" ON "clocks" USING btree ("status","region_path" text_pattern_ops,"due_date","id");--> statement-breakpoint
CREATE INDEX "clocks_org_status_due_idx" ON "clocks" USING btree ("org_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "clocks_due_idx" ON "clocks" USING btree ("due_date","id","region_path");--> statement-breakpoint
CREATE INDEX "clocks_status_due_idx" ON "clocks" USING btree ("status","due_date","id","region_path");