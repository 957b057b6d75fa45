CREATE TYPE "public"."call_status" AS ENUM('draft', 'open', 'closed', 'in_review', 'decided');--> statement-breakpoint
CREATE TYPE "public"."application_status" AS ENUM('draft', 'submitted', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."eligibility_verdict" AS ENUM('eligible', 'not_eligible', 'needs_screening');--> statement-breakpoint
CREATE TYPE "public"."screening_decision" AS ENUM('pending', 'eligible', 'not_eligible');--> statement-breakpoint
CREATE TYPE "public"."job_run_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "call" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"eligibility_text" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fallback_locale" text DEFAULT 'en' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Stockholm' NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"edit_after_submit" boolean DEFAULT false NOT NULL,
	"max_applications_per_enterprise" integer DEFAULT 1 NOT NULL,
	"status" "call_status" DEFAULT 'draft' NOT NULL,
	"form" jsonb DEFAULT '{"sections":[]}'::jsonb NOT NULL,
	"eligibility_rules" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_slug_unique" UNIQUE("slug"),
	CONSTRAINT "call_window" CHECK ("call"."closes_at" > "call"."opens_at"),
	CONSTRAINT "call_max_applications" CHECK ("call"."max_applications_per_enterprise" >= 1)
);
--> statement-breakpoint
ALTER TABLE "call" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "call_criterion" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"rubric" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"weight" integer DEFAULT 1 NOT NULL,
	"scale_min" integer DEFAULT 1 NOT NULL,
	"scale_max" integer DEFAULT 5 NOT NULL,
	"anchors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "criterion_scale" CHECK ("call_criterion"."scale_max" > "call_criterion"."scale_min"),
	CONSTRAINT "criterion_weight" CHECK ("call_criterion"."weight" >= 1 AND "call_criterion"."weight" <= 100)
);
--> statement-breakpoint
ALTER TABLE "call_criterion" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "application" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"status" "application_status" DEFAULT 'draft' NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"eligibility" "eligibility_verdict",
	"eligibility_results" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"screening" "screening_decision" DEFAULT 'pending' NOT NULL,
	"screening_reason" text,
	"screened_by" text,
	"screened_at" timestamp with time zone,
	"created_by" text,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (jsonb_to_tsvector('simple'::regconfig, answers, '["string"]'::jsonb)) STORED
);
--> statement-breakpoint
ALTER TABLE "application" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "application_file" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"question_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_file_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "application_file" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "team_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "team_member" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "job_run" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"organisation_id" uuid,
	"subject_id" uuid,
	"created_by" text,
	"status" "job_run_status" DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"result" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "job_run" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "organisation_number" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "legal_form" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "founded_year" integer;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "employees" integer;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "website" text;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "impact_areas" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "founder_background" jsonb;--> statement-breakpoint
ALTER TABLE "organisation" ADD COLUMN "founder_background_consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call" ADD CONSTRAINT "call_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criterion" ADD CONSTRAINT "call_criterion_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_screened_by_user_id_fk" FOREIGN KEY ("screened_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application" ADD CONSTRAINT "application_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_file" ADD CONSTRAINT "application_file_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_file" ADD CONSTRAINT "application_file_uploaded_by_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_member" ADD CONSTRAINT "team_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_run" ADD CONSTRAINT "job_run_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_run" ADD CONSTRAINT "job_run_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "call_programme_idx" ON "call" USING btree ("programme_id");--> statement-breakpoint
CREATE INDEX "call_org_idx" ON "call" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "call_status_idx" ON "call" USING btree ("status","closes_at");--> statement-breakpoint
CREATE INDEX "criterion_call_idx" ON "call_criterion" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "application_call_status_idx" ON "application" USING btree ("call_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "application_org_idx" ON "application" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "application_search_idx" ON "application" USING gin ("search");--> statement-breakpoint
CREATE INDEX "application_file_app_idx" ON "application_file" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "team_member_org_idx" ON "team_member" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "job_run_subject_idx" ON "job_run" USING btree ("subject_id","created_at");