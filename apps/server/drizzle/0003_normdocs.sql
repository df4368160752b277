CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_cleanup_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"topic" text,
	"cutoff_date" date NOT NULL,
	"scope_org_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"decision_doc_number" text,
	"decision_date" date,
	"effective_on" date,
	"applied_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_cleanup_items" (
	"campaign_id" uuid NOT NULL,
	"doc_id" uuid NOT NULL,
	"result" text,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"applied_at" timestamp with time zone,
	CONSTRAINT "normdoc_cleanup_items_campaign_id_doc_id_pk" PRIMARY KEY("campaign_id","doc_id")
);
--> statement-breakpoint
CREATE TABLE "normdoc_co_issuers" (
	"doc_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "normdoc_co_issuers_doc_id_org_id_pk" PRIMARY KEY("doc_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "normdoc_comment_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"days" integer NOT NULL,
	"shortened_reason" text,
	"draft_title" text NOT NULL,
	"draft_text" text NOT NULL,
	"adoption_explanation" text,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"doc_id" uuid NOT NULL,
	"submitter_name" text,
	"submitter_kind" text NOT NULL,
	"contact_encrypted" text,
	"content" text NOT NULL,
	"ip_hash" text NOT NULL,
	"adopted" boolean,
	"response" text,
	"handled_by" uuid,
	"handled_at" timestamp with time zone,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"evaluator" text NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"method" text DEFAULT '' NOT NULL,
	"findings" text NOT NULL,
	"recommendation" text NOT NULL,
	"report_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"actor_org_name" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_filing_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"filing_id" uuid NOT NULL,
	"reviewer_org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"assignee_id" uuid,
	"received_on" date NOT NULL,
	"review_due" date,
	"status" text NOT NULL,
	"issues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"handling" text,
	"opinion_text" text,
	"reviewed_on" date,
	"correction_due" date,
	"corrected" boolean,
	"correction_form" text,
	"correction_done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_filings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"recipient_kind" text NOT NULL,
	"recipient_org_id" uuid,
	"recipient_region_path" text NOT NULL,
	"due_date" date NOT NULL,
	"provisional" boolean DEFAULT false NOT NULL,
	"clock_id" uuid,
	"status" text NOT NULL,
	"submitted_on" date,
	"materials" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registration_result" text,
	"registration_note" text,
	"registered_on" date,
	"review_result" text,
	"reviewed_on" date,
	"correction_due" date,
	"correction_done_on" date,
	"correction_note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_legality_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"submitted_on" date NOT NULL,
	"returned_on" date,
	"return_reason" text,
	"accepted_on" date,
	"reviewer_org_id" uuid,
	"reviewer_id" uuid,
	"opinion" text,
	"suggestion_count" integer,
	"opinion_text" text,
	"completed_on" date,
	"clock_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_number_counters" (
	"scope_key" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "normdoc_number_counters_scope_key_year_pk" PRIMARY KEY("scope_key","year")
);
--> statement-breakpoint
CREATE TABLE "normdoc_procedures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"doc_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"started_on" date,
	"ended_on" date,
	"title" text DEFAULT '' NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"outcome" text,
	"notes" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_region_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"registration_template" text NOT NULL,
	"filing_days_superior_government" integer NOT NULL,
	"filing_days_congress" integer NOT NULL,
	"filing_days_superior_department" integer NOT NULL,
	"filing_days_same_level_government" integer NOT NULL,
	"comment_days" integer NOT NULL,
	"min_comment_days" integer NOT NULL,
	"validity_years" integer NOT NULL,
	"provisional_validity_years" integer NOT NULL,
	"expiry_warning_days" integer NOT NULL,
	"timeliness_base" text DEFAULT 'filed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_register_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"register_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"issued_on" date,
	"sampled" boolean DEFAULT false NOT NULL,
	"classification" text,
	"classified_by" uuid,
	"classified_at" timestamp with time zone,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "normdoc_registers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"sample_seed" text,
	"sample_size" integer,
	"sample_algorithm" text,
	"sampled_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdoc_unfiled_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"entry_id" uuid,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"doc_number" text DEFAULT '' NOT NULL,
	"found_on" date NOT NULL,
	"status" text NOT NULL,
	"follow_up_due" date,
	"follow_up" text,
	"closed_on" date,
	"doc_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "normdocs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"drafting_org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"doc_number" text,
	"registration_number" text,
	"registration_year" integer,
	"registration_seq" integer,
	"registered_on" date,
	"status" text NOT NULL,
	"involves_public_interest" boolean DEFAULT false NOT NULL,
	"involves_market_entities" boolean DEFAULT false NOT NULL,
	"involves_major_decision" boolean DEFAULT false NOT NULL,
	"provisional_rules" boolean DEFAULT false NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"signed_by" text,
	"signed_on" date,
	"published_on" date,
	"publish_channels" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"effective_on" date,
	"valid_until" date,
	"ended_on" date,
	"interpretation_required" boolean DEFAULT true NOT NULL,
	"interpretation_title" text,
	"interpretation_url" text,
	"interpretation_published_on" date,
	"interpretation_body" text,
	"previous_version_id" uuid,
	"version_no" integer DEFAULT 1 NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	"search_tsv" "tsvector",
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "normdoc_attachments" ADD CONSTRAINT "normdoc_attachments_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_attachments" ADD CONSTRAINT "normdoc_attachments_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_cleanup_campaigns" ADD CONSTRAINT "normdoc_cleanup_campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_cleanup_items" ADD CONSTRAINT "normdoc_cleanup_items_campaign_id_normdoc_cleanup_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."normdoc_cleanup_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_cleanup_items" ADD CONSTRAINT "normdoc_cleanup_items_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_co_issuers" ADD CONSTRAINT "normdoc_co_issuers_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_co_issuers" ADD CONSTRAINT "normdoc_co_issuers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_comment_periods" ADD CONSTRAINT "normdoc_comment_periods_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_comments" ADD CONSTRAINT "normdoc_comments_period_id_normdoc_comment_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."normdoc_comment_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_comments" ADD CONSTRAINT "normdoc_comments_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_evaluations" ADD CONSTRAINT "normdoc_evaluations_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_events" ADD CONSTRAINT "normdoc_events_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filing_reviews" ADD CONSTRAINT "normdoc_filing_reviews_filing_id_normdoc_filings_id_fk" FOREIGN KEY ("filing_id") REFERENCES "public"."normdoc_filings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filing_reviews" ADD CONSTRAINT "normdoc_filing_reviews_reviewer_org_id_organisations_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filing_reviews" ADD CONSTRAINT "normdoc_filing_reviews_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filings" ADD CONSTRAINT "normdoc_filings_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filings" ADD CONSTRAINT "normdoc_filings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_filings" ADD CONSTRAINT "normdoc_filings_recipient_org_id_organisations_id_fk" FOREIGN KEY ("recipient_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_legality_reviews" ADD CONSTRAINT "normdoc_legality_reviews_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_legality_reviews" ADD CONSTRAINT "normdoc_legality_reviews_reviewer_org_id_organisations_id_fk" FOREIGN KEY ("reviewer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_legality_reviews" ADD CONSTRAINT "normdoc_legality_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_procedures" ADD CONSTRAINT "normdoc_procedures_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_region_settings" ADD CONSTRAINT "normdoc_region_settings_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_register_entries" ADD CONSTRAINT "normdoc_register_entries_register_id_normdoc_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."normdoc_registers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_registers" ADD CONSTRAINT "normdoc_registers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_unfiled_findings" ADD CONSTRAINT "normdoc_unfiled_findings_entry_id_normdoc_register_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."normdoc_register_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_unfiled_findings" ADD CONSTRAINT "normdoc_unfiled_findings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdoc_unfiled_findings" ADD CONSTRAINT "normdoc_unfiled_findings_doc_id_normdocs_id_fk" FOREIGN KEY ("doc_id") REFERENCES "public"."normdocs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdocs" ADD CONSTRAINT "normdocs_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "normdocs" ADD CONSTRAINT "normdocs_drafting_org_id_organisations_id_fk" FOREIGN KEY ("drafting_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_sha256_idx" ON "stored_files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "normdoc_attachments_doc_idx" ON "normdoc_attachments" USING btree ("doc_id");--> statement-breakpoint
CREATE INDEX "normdoc_cleanup_scope_idx" ON "normdoc_cleanup_campaigns" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "normdoc_comment_periods_doc_idx" ON "normdoc_comment_periods" USING btree ("doc_id");--> statement-breakpoint
CREATE INDEX "normdoc_comment_periods_open_idx" ON "normdoc_comment_periods" USING btree ("closes_on");--> statement-breakpoint
CREATE INDEX "normdoc_comments_period_idx" ON "normdoc_comments" USING btree ("period_id","submitted_at");--> statement-breakpoint
CREATE INDEX "normdoc_evaluations_doc_idx" ON "normdoc_evaluations" USING btree ("doc_id");--> statement-breakpoint
CREATE INDEX "normdoc_events_doc_idx" ON "normdoc_events" USING btree ("doc_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "normdoc_filing_reviews_filing_uq" ON "normdoc_filing_reviews" USING btree ("filing_id");--> statement-breakpoint
CREATE INDEX "normdoc_filing_reviews_scope_idx" ON "normdoc_filing_reviews" USING btree ("region_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE UNIQUE INDEX "normdoc_filings_doc_recipient_uq" ON "normdoc_filings" USING btree ("doc_id","recipient_kind");--> statement-breakpoint
CREATE INDEX "normdoc_filings_scope_idx" ON "normdoc_filings" USING btree ("region_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "normdoc_filings_recipient_idx" ON "normdoc_filings" USING btree ("recipient_region_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "normdoc_filings_due_idx" ON "normdoc_filings" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "normdoc_legality_reviews_doc_idx" ON "normdoc_legality_reviews" USING btree ("doc_id");--> statement-breakpoint
CREATE INDEX "normdoc_procedures_doc_idx" ON "normdoc_procedures" USING btree ("doc_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "normdoc_register_entries_seq_uq" ON "normdoc_register_entries" USING btree ("register_id","seq");--> statement-breakpoint
CREATE INDEX "normdoc_registers_scope_idx" ON "normdoc_registers" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "normdoc_unfiled_scope_idx" ON "normdoc_unfiled_findings" USING btree ("region_path" text_pattern_ops,"found_on");--> statement-breakpoint
CREATE INDEX "normdocs_scope_idx" ON "normdocs" USING btree ("region_path" text_pattern_ops,"status");--> statement-breakpoint
CREATE INDEX "normdocs_org_status_idx" ON "normdocs" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "normdocs_status_published_idx" ON "normdocs" USING btree ("status","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "normdocs_registration_number_uq" ON "normdocs" USING btree ("registration_number");--> statement-breakpoint
CREATE INDEX "normdocs_search_idx" ON "normdocs" USING gin ("search_tsv");--> statement-breakpoint
CREATE INDEX "normdocs_title_trgm_idx" ON "normdocs" USING gin ("title" gin_trgm_ops);