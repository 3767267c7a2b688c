CREATE TABLE "match_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"program_id" uuid NOT NULL,
	"started_by_person_id" uuid NOT NULL,
	"status" text NOT NULL,
	"results" jsonb NOT NULL,
	"published_objective" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_runs_tenant_id" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text,
	"activity_id" text,
	"status" text NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "match_proposals" ADD COLUMN "source" text DEFAULT 'algorithm' NOT NULL;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD COLUMN "run_id" uuid;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD COLUMN "requested_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_tenant_id_program_id_programs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","program_id") REFERENCES "public"."programs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_runs" ADD CONSTRAINT "match_runs_tenant_id_started_by_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","started_by_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_tenant_id_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_runs_program" ON "match_runs" USING btree ("tenant_id","program_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_subject" ON "notifications" USING btree ("tenant_id","subject_id","kind");--> statement-breakpoint
CREATE INDEX "notifications_person" ON "notifications" USING btree ("tenant_id","person_id","created_at");--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_tenant_id_run_id_match_runs_tenant_id_id_fk" FOREIGN KEY ("tenant_id","run_id") REFERENCES "public"."match_runs"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_proposals" ADD CONSTRAINT "match_proposals_tenant_id_requested_by_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","requested_by_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "match_proposals_one_open_per_mentee" ON "match_proposals" USING btree ("mentee_enrollment_id") WHERE status = 'proposed';--> statement-breakpoint
CREATE UNIQUE INDEX "relationships_one_current_per_mentee" ON "relationships" USING btree ("program_id","mentee_person_id") WHERE status in ('active', 'paused');