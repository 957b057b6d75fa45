CREATE TYPE "public"."assignment_override_kind" AS ENUM('pin', 'exclude');--> statement-breakpoint
CREATE TYPE "public"."conflict_source" AS ENUM('declared', 'organisation_member', 'email_domain');--> statement-breakpoint
CREATE TYPE "public"."decision_outcome" AS ENUM('accept', 'waitlist', 'reject');--> statement-breakpoint
CREATE TYPE "public"."jury_phase" AS ENUM('setup', 'scoring', 'closed');--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('assigned', 'started', 'submitted');--> statement-breakpoint
CREATE TABLE "assignment_override" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"jury_member_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" "assignment_override_kind" NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_override_pair" UNIQUE("jury_member_id","application_id")
);
--> statement-breakpoint
ALTER TABLE "assignment_override" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "cohort_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"application_id" uuid,
	"call_id" uuid,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cohort_member_unique" UNIQUE("programme_id","organisation_id")
);
--> statement-breakpoint
ALTER TABLE "cohort_member" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "decision" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"call_id" uuid NOT NULL,
	"outcome" "decision_outcome" NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"include_jury_comments" boolean DEFAULT true NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "decision" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jury_conflict" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"jury_member_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"source" "conflict_source" NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jury_conflict_pair" UNIQUE("jury_member_id","application_id")
);
--> statement-breakpoint
ALTER TABLE "jury_conflict" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jury_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"user_id" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"max_load" integer,
	"token_hash" text,
	"invited_by" text,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"last_reminded_at" timestamp with time zone,
	CONSTRAINT "jury_member_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "jury_member_load" CHECK ("jury_member"."max_load" IS NULL OR "jury_member"."max_load" BETWEEN 0 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "jury_member" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "jury_settings" (
	"call_id" uuid PRIMARY KEY NOT NULL,
	"reviewers_per_application" integer DEFAULT 3 NOT NULL,
	"default_max_load" integer DEFAULT 20 NOT NULL,
	"blind_review" boolean DEFAULT true NOT NULL,
	"show_scores_after_submit" boolean DEFAULT true NOT NULL,
	"phase" "jury_phase" DEFAULT 'setup' NOT NULL,
	"review_deadline" timestamp with time zone,
	"accept_quota" integer,
	"waitlist_quota" integer,
	"decision_templates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_run" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jury_k" CHECK ("jury_settings"."reviewers_per_application" BETWEEN 1 AND 20),
	CONSTRAINT "jury_load" CHECK ("jury_settings"."default_max_load" BETWEEN 1 AND 10000)
);
--> statement-breakpoint
ALTER TABLE "jury_settings" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "review" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"jury_member_id" uuid NOT NULL,
	"status" "review_status" DEFAULT 'assigned' NOT NULL,
	"reasons" jsonb NOT NULL,
	"no_conflict_at" timestamp with time zone,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"private_note" text DEFAULT '' NOT NULL,
	"total" double precision,
	"version" integer DEFAULT 1 NOT NULL,
	"started_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_pair" UNIQUE("application_id","jury_member_id")
);
--> statement-breakpoint
ALTER TABLE "review" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "assignment_override" ADD CONSTRAINT "assignment_override_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_override" ADD CONSTRAINT "assignment_override_jury_member_id_jury_member_id_fk" FOREIGN KEY ("jury_member_id") REFERENCES "public"."jury_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_override" ADD CONSTRAINT "assignment_override_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_override" ADD CONSTRAINT "assignment_override_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_programme_id_programme_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programme"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_organisation_id_organisation_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisation"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_member" ADD CONSTRAINT "cohort_member_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision" ADD CONSTRAINT "decision_decided_by_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_conflict" ADD CONSTRAINT "jury_conflict_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_conflict" ADD CONSTRAINT "jury_conflict_jury_member_id_jury_member_id_fk" FOREIGN KEY ("jury_member_id") REFERENCES "public"."jury_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_conflict" ADD CONSTRAINT "jury_conflict_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_member" ADD CONSTRAINT "jury_member_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_member" ADD CONSTRAINT "jury_member_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_member" ADD CONSTRAINT "jury_member_invited_by_user_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jury_settings" ADD CONSTRAINT "jury_settings_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_call_id_call_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."call"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_application_id_application_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."application"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review" ADD CONSTRAINT "review_jury_member_id_jury_member_id_fk" FOREIGN KEY ("jury_member_id") REFERENCES "public"."jury_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignment_override_call_idx" ON "assignment_override" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "decision_call_idx" ON "decision" USING btree ("call_id","outcome");--> statement-breakpoint
CREATE INDEX "jury_conflict_call_idx" ON "jury_conflict" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "jury_member_call_email" ON "jury_member" USING btree ("call_id","email");--> statement-breakpoint
CREATE INDEX "jury_member_user_idx" ON "jury_member" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "review_call_idx" ON "review" USING btree ("call_id","status");--> statement-breakpoint
CREATE INDEX "review_member_idx" ON "review" USING btree ("jury_member_id");