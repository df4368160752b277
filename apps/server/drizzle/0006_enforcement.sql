CREATE TABLE "enforcement_certificate_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"on" date NOT NULL,
	"result" text,
	"reason" text,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_certificate_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"certificate_id" uuid NOT NULL,
	"from_on" date NOT NULL,
	"to_on" date,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "enforcement_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"number" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"area" text,
	"issuing_authority" text DEFAULT '河南省人民政府' NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"issued_on" date,
	"valid_from" date,
	"valid_to" date,
	"ended_on" date,
	"last_reviewed_on" date,
	"previous_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_exams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"exam_type" text NOT NULL,
	"on" date NOT NULL,
	"score" numeric(5, 1) NOT NULL,
	"passed" boolean NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_officers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_masked" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"staff_type" text NOT NULL,
	"position" text,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"region_scope" text,
	"legal_qualification" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_trainings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"officer_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"course" text NOT NULL,
	"category" text NOT NULL,
	"hours" numeric(6, 1) NOT NULL,
	"on" date NOT NULL,
	"year" integer NOT NULL,
	"provider" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_accountability" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"notice_id" uuid,
	"person" text NOT NULL,
	"measure" text NOT NULL,
	"authority" text NOT NULL,
	"decided_on" date NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"target_org_ids" uuid[] NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"notice_id" uuid,
	"held_on" date NOT NULL,
	"persons" text NOT NULL,
	"reason" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_notice_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" text NOT NULL,
	"response" text DEFAULT '' NOT NULL,
	"responded_on" date,
	"evidence_file_ids" uuid[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"serial" integer NOT NULL,
	"issuer_org_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"facts" text NOT NULL,
	"issued_on" date NOT NULL,
	"deadline_amount" integer NOT NULL,
	"deadline_unit" text NOT NULL,
	"due_date" date NOT NULL,
	"extended_due" date,
	"responded_on" date,
	"closed_on" date,
	"status" text NOT NULL,
	"parent_id" uuid,
	"escalated_to" text,
	"clock_id" uuid,
	"timeline" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enf_supervision_notices_number_unique" UNIQUE("number")
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_number_counters" (
	"scope_key" text NOT NULL,
	"year" integer NOT NULL,
	"last_seq" integer NOT NULL,
	CONSTRAINT "enf_supervision_number_counters_scope_key_year_pk" PRIMARY KEY("scope_key","year")
);
--> statement-breakpoint
CREATE TABLE "enf_supervision_problems" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"check_id" uuid,
	"source" text NOT NULL,
	"is_clue" boolean DEFAULT false NOT NULL,
	"description" text NOT NULL,
	"complainant" text DEFAULT '' NOT NULL,
	"received_on" date NOT NULL,
	"status" text NOT NULL,
	"assignee" text DEFAULT '' NOT NULL,
	"reply" text DEFAULT '' NOT NULL,
	"replied_on" date,
	"confirmed_on" date,
	"rectified_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_enterprises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"uscc" text NOT NULL,
	"name" text NOT NULL,
	"region_code" text NOT NULL,
	"region_path" text NOT NULL,
	"industry" text,
	"risk_grade" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_bodies" (
	"inspection_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	CONSTRAINT "enforcement_inspection_bodies_inspection_id_org_id_pk" PRIMARY KEY("inspection_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"object" text NOT NULL,
	"method" text NOT NULL,
	"category" text NOT NULL,
	"frequency" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_on" date,
	"withdrawn_on" date,
	"list_version" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_lists" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"list_version" integer DEFAULT 0 NOT NULL,
	"published_on" date
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_on" date,
	"decided_on" date,
	"decided_by" uuid,
	"decision_note" text,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_settings" (
	"region_code" text PRIMARY KEY NOT NULL,
	"yearly_cap" integer NOT NULL,
	"plan_required" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspection_subjects" (
	"inspection_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"year" integer NOT NULL,
	CONSTRAINT "enforcement_inspection_subjects_enterprise_id_org_id_year_inspection_id_pk" PRIMARY KEY("enterprise_id","org_id","year","inspection_id")
);
--> statement-breakpoint
CREATE TABLE "enforcement_inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"item_id" uuid NOT NULL,
	"plan_id" uuid,
	"draw_id" uuid,
	"inspected_on" date NOT NULL,
	"year" integer NOT NULL,
	"onsite" boolean DEFAULT true NOT NULL,
	"joint" boolean DEFAULT false NOT NULL,
	"officers" jsonb NOT NULL,
	"result" text NOT NULL,
	"findings" text DEFAULT '' NOT NULL,
	"override_reason" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_random_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"plan_id" uuid,
	"item_id" uuid,
	"criteria" jsonb,
	"seed" text NOT NULL,
	"algorithm" text NOT NULL,
	"enterprise_pool" text[] NOT NULL,
	"enterprise_pool_hash" text NOT NULL,
	"enterprise_count" integer NOT NULL,
	"enterprise_result" text[] NOT NULL,
	"inspector_pool" text[] NOT NULL,
	"inspector_pool_hash" text,
	"inspector_count" integer DEFAULT 0 NOT NULL,
	"inspector_result" text[] NOT NULL,
	"drawn_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drawn_by" uuid,
	"published_on" date,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_lenient_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"case_no" text NOT NULL,
	"handled_on" date NOT NULL,
	"party_kind" text NOT NULL,
	"party_name" text NOT NULL,
	"party_uscc" text,
	"amount_fen" bigint DEFAULT 0 NOT NULL,
	"education" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_lenient_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"list_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"conduct" text NOT NULL,
	"circumstances" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"legal_basis" text NOT NULL,
	"penalty_basis" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_lenient_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"superseded_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evaluation_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"year" integer NOT NULL,
	"title" text NOT NULL,
	"template_id" uuid NOT NULL,
	"scope_org_ids" jsonb NOT NULL,
	"per_body" integer NOT NULL,
	"evaluators" jsonb NOT NULL,
	"seed" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"case_no" text NOT NULL,
	"title" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evaluation_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"case_file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"evaluator" text,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"veto_hits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"total" real,
	"grade" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evaluation_rectifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"problem" text NOT NULL,
	"due_date" date NOT NULL,
	"clock_id" uuid,
	"response" text,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"done_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_evaluation_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"name" text NOT NULL,
	"items" jsonb NOT NULL,
	"grade_bands" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_delegated_powers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"township_org_id" uuid NOT NULL,
	"source_org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"legal_basis" text NOT NULL,
	"decision_doc_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"effective_on" date NOT NULL,
	"withdrawn_on" date,
	"withdrawal_doc_number" text,
	"round_id" uuid,
	"withdrawal_round_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_delegation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"title" text NOT NULL,
	"decision_doc_number" text NOT NULL,
	"decision_date" date NOT NULL,
	"effective_on" date NOT NULL,
	"added" integer DEFAULT 0 NOT NULL,
	"withdrawn" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_township_capacity" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"staff" integer DEFAULT 0 NOT NULL,
	"certified_manual" integer,
	"note" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_bodies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"region_path" text NOT NULL,
	"kind" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"legal_basis" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"powers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"entrusting_org_id" uuid,
	"entrustment_doc" text,
	"entrusted_matters" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text NOT NULL,
	"confirmed_by" text,
	"confirmation_doc" text,
	"confirmed_on" date,
	"announced_on" date,
	"announcement_doc" text,
	"announcement_url" text,
	"cancelled_on" date,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_body_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"body_id" uuid NOT NULL,
	"action" text NOT NULL,
	"on" date NOT NULL,
	"status" text NOT NULL,
	"authority" text,
	"document" text,
	"url" text,
	"reason" text,
	"snapshot" jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_certificate_events" ADD CONSTRAINT "enforcement_certificate_events_certificate_id_enforcement_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."enforcement_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificate_suspensions" ADD CONSTRAINT "enforcement_certificate_suspensions_certificate_id_enforcement_certificates_id_fk" FOREIGN KEY ("certificate_id") REFERENCES "public"."enforcement_certificates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificates" ADD CONSTRAINT "enforcement_certificates_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_certificates" ADD CONSTRAINT "enforcement_certificates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_exams" ADD CONSTRAINT "enforcement_exams_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_officers" ADD CONSTRAINT "enforcement_officers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_trainings" ADD CONSTRAINT "enforcement_trainings_officer_id_enforcement_officers_id_fk" FOREIGN KEY ("officer_id") REFERENCES "public"."enforcement_officers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_accountability" ADD CONSTRAINT "enf_supervision_accountability_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_accountability" ADD CONSTRAINT "enf_supervision_accountability_notice_id_enf_supervision_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."enf_supervision_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_checks" ADD CONSTRAINT "enf_supervision_checks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_checks" ADD CONSTRAINT "enf_supervision_checks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_interviews" ADD CONSTRAINT "enf_supervision_interviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_interviews" ADD CONSTRAINT "enf_supervision_interviews_notice_id_enf_supervision_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."enf_supervision_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_notice_items" ADD CONSTRAINT "enf_supervision_notice_items_notice_id_enf_supervision_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."enf_supervision_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_notices" ADD CONSTRAINT "enf_supervision_notices_issuer_org_id_organisations_id_fk" FOREIGN KEY ("issuer_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_notices" ADD CONSTRAINT "enf_supervision_notices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_notices" ADD CONSTRAINT "enf_supervision_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_problems" ADD CONSTRAINT "enf_supervision_problems_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enf_supervision_problems" ADD CONSTRAINT "enf_supervision_problems_check_id_enf_supervision_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."enf_supervision_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_bodies" ADD CONSTRAINT "enforcement_inspection_bodies_inspection_id_enforcement_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."enforcement_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_bodies" ADD CONSTRAINT "enforcement_inspection_bodies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_items" ADD CONSTRAINT "enforcement_inspection_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_lists" ADD CONSTRAINT "enforcement_inspection_lists_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_plans" ADD CONSTRAINT "enforcement_inspection_plans_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_subjects" ADD CONSTRAINT "enforcement_inspection_subjects_inspection_id_enforcement_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."enforcement_inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspection_subjects" ADD CONSTRAINT "enforcement_inspection_subjects_enterprise_id_enforcement_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enforcement_enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_inspections" ADD CONSTRAINT "enforcement_inspections_item_id_enforcement_inspection_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_inspection_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_random_draws" ADD CONSTRAINT "enforcement_random_draws_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_lenient_cases" ADD CONSTRAINT "enforcement_lenient_cases_list_id_enforcement_lenient_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."enforcement_lenient_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_lenient_cases" ADD CONSTRAINT "enforcement_lenient_cases_item_id_enforcement_lenient_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."enforcement_lenient_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_lenient_cases" ADD CONSTRAINT "enforcement_lenient_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_lenient_items" ADD CONSTRAINT "enforcement_lenient_items_list_id_enforcement_lenient_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."enforcement_lenient_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_lenient_lists" ADD CONSTRAINT "enforcement_lenient_lists_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_campaigns" ADD CONSTRAINT "enforcement_evaluation_campaigns_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_campaigns" ADD CONSTRAINT "enforcement_evaluation_campaigns_template_id_enforcement_evaluation_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."enforcement_evaluation_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_files" ADD CONSTRAINT "enforcement_case_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_files" ADD CONSTRAINT "enforcement_evaluation_files_campaign_id_enforcement_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."enforcement_evaluation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_files" ADD CONSTRAINT "enforcement_evaluation_files_case_file_id_enforcement_case_files_id_fk" FOREIGN KEY ("case_file_id") REFERENCES "public"."enforcement_case_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_rectifications" ADD CONSTRAINT "enforcement_evaluation_rectifications_campaign_id_enforcement_evaluation_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."enforcement_evaluation_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_rectifications" ADD CONSTRAINT "enforcement_evaluation_rectifications_file_id_enforcement_evaluation_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."enforcement_evaluation_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_rectifications" ADD CONSTRAINT "enforcement_evaluation_rectifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_evaluation_templates" ADD CONSTRAINT "enforcement_evaluation_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_delegated_powers" ADD CONSTRAINT "enforcement_delegated_powers_township_org_id_organisations_id_fk" FOREIGN KEY ("township_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_delegated_powers" ADD CONSTRAINT "enforcement_delegated_powers_source_org_id_organisations_id_fk" FOREIGN KEY ("source_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_delegated_powers" ADD CONSTRAINT "enforcement_delegated_powers_round_id_enforcement_delegation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."enforcement_delegation_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_delegation_rounds" ADD CONSTRAINT "enforcement_delegation_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_township_capacity" ADD CONSTRAINT "enforcement_township_capacity_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_bodies" ADD CONSTRAINT "enforcement_bodies_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_bodies" ADD CONSTRAINT "enforcement_bodies_entrusting_org_id_organisations_id_fk" FOREIGN KEY ("entrusting_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_body_history" ADD CONSTRAINT "enforcement_body_history_body_id_enforcement_bodies_id_fk" FOREIGN KEY ("body_id") REFERENCES "public"."enforcement_bodies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_certificate_events_cert_idx" ON "enforcement_certificate_events" USING btree ("certificate_id","on");--> statement-breakpoint
CREATE INDEX "enforcement_certificate_suspensions_cert_idx" ON "enforcement_certificate_suspensions" USING btree ("certificate_id","from_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_certificates_number_uq" ON "enforcement_certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "enforcement_certificates_officer_idx" ON "enforcement_certificates" USING btree ("officer_id","kind","valid_from");--> statement-breakpoint
CREATE INDEX "enforcement_certificates_org_idx" ON "enforcement_certificates" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_certificates_region_path_idx" ON "enforcement_certificates" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_certificates_valid_to_idx" ON "enforcement_certificates" USING btree ("valid_to");--> statement-breakpoint
CREATE INDEX "enforcement_exams_officer_idx" ON "enforcement_exams" USING btree ("officer_id","on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_officers_id_hash_uq" ON "enforcement_officers" USING btree ("id_number_hash");--> statement-breakpoint
CREATE INDEX "enforcement_officers_org_idx" ON "enforcement_officers" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_officers_region_path_idx" ON "enforcement_officers" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_trainings_officer_year_idx" ON "enforcement_trainings" USING btree ("officer_id","year");--> statement-breakpoint
CREATE INDEX "enf_sup_checks_region_idx" ON "enf_supervision_checks" USING btree ("region_path","period_to");--> statement-breakpoint
CREATE INDEX "enf_sup_notice_items_notice_idx" ON "enf_supervision_notice_items" USING btree ("notice_id","seq");--> statement-breakpoint
CREATE INDEX "enf_sup_notices_region_idx" ON "enf_supervision_notices" USING btree ("region_path","issued_on");--> statement-breakpoint
CREATE INDEX "enf_sup_problems_region_idx" ON "enf_supervision_problems" USING btree ("region_path","received_on");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_enterprises_uscc_uq" ON "enforcement_enterprises" USING btree ("uscc");--> statement-breakpoint
CREATE INDEX "enforcement_enterprises_region_path_idx" ON "enforcement_enterprises" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_inspection_bodies_org_idx" ON "enforcement_inspection_bodies" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_inspection_items_code_uq" ON "enforcement_inspection_items" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "enforcement_inspection_items_region_path_idx" ON "enforcement_inspection_items" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_inspection_plans_org_idx" ON "enforcement_inspection_plans" USING btree ("org_id","year");--> statement-breakpoint
CREATE INDEX "enforcement_inspection_plans_region_path_idx" ON "enforcement_inspection_plans" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_inspection_subjects_inspection_idx" ON "enforcement_inspection_subjects" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_org_idx" ON "enforcement_inspections" USING btree ("org_id","inspected_on");--> statement-breakpoint
CREATE INDEX "enforcement_inspections_region_path_idx" ON "enforcement_inspections" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_random_draws_org_idx" ON "enforcement_random_draws" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_random_draws_region_path_idx" ON "enforcement_random_draws" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_lenient_cases_org_case_uq" ON "enforcement_lenient_cases" USING btree ("org_id","case_no","item_id");--> statement-breakpoint
CREATE INDEX "enforcement_lenient_cases_list_idx" ON "enforcement_lenient_cases" USING btree ("list_id","handled_on");--> statement-breakpoint
CREATE INDEX "enforcement_lenient_cases_region_path_idx" ON "enforcement_lenient_cases" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_lenient_items_list_seq_uq" ON "enforcement_lenient_items" USING btree ("list_id","seq");--> statement-breakpoint
CREATE INDEX "enforcement_lenient_lists_org_idx" ON "enforcement_lenient_lists" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "enforcement_lenient_lists_region_path_idx" ON "enforcement_lenient_lists" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_evaluation_campaigns_region_path_idx" ON "enforcement_evaluation_campaigns" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_case_files_org_case_uq" ON "enforcement_case_files" USING btree ("org_id","case_no");--> statement-breakpoint
CREATE INDEX "enforcement_case_files_region_path_idx" ON "enforcement_case_files" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_evaluation_files_uq" ON "enforcement_evaluation_files" USING btree ("campaign_id","case_file_id");--> statement-breakpoint
CREATE INDEX "enforcement_evaluation_rectifications_campaign_idx" ON "enforcement_evaluation_rectifications" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "enforcement_delegated_powers_township_idx" ON "enforcement_delegated_powers" USING btree ("township_org_id");--> statement-breakpoint
CREATE INDEX "enforcement_delegated_powers_region_path_idx" ON "enforcement_delegated_powers" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_bodies_org_uq" ON "enforcement_bodies" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "enforcement_bodies_status_idx" ON "enforcement_bodies" USING btree ("status");--> statement-breakpoint
CREATE INDEX "enforcement_bodies_region_path_idx" ON "enforcement_bodies" USING btree ("region_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "enforcement_body_history_body_idx" ON "enforcement_body_history" USING btree ("body_id","created_at");