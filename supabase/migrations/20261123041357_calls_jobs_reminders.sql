ALTER TABLE "application" ADD COLUMN "reminder_7d_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "application" ADD COLUMN "reminder_1d_sent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_run" ADD COLUMN "input" jsonb DEFAULT '{}'::jsonb NOT NULL;