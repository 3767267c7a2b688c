CREATE TABLE "pair_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"relationship_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"key" text NOT NULL,
	"session_id" uuid,
	"raised_by_person_id" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_person_id" uuid
);
--> statement-breakpoint
CREATE TABLE "slot_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" text NOT NULL,
	"relationship_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"slots" jsonb NOT NULL,
	"status" text NOT NULL,
	"reschedule_session_id" uuid,
	"session_id" uuid,
	"booked_by_person_id" uuid,
	"booked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slot_offers_tenant_id" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "delivery_key" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "rating_delay_minutes" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "mentor_first_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "proposed_by_person_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "attendance" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "attendance_checked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "pair_flags" ADD CONSTRAINT "pair_flags_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_flags" ADD CONSTRAINT "pair_flags_tenant_id_relationship_id_relationships_tenant_id_id_fk" FOREIGN KEY ("tenant_id","relationship_id") REFERENCES "public"."relationships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pair_flags" ADD CONSTRAINT "pair_flags_tenant_id_session_id_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_offers" ADD CONSTRAINT "slot_offers_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_offers" ADD CONSTRAINT "slot_offers_tenant_id_relationship_id_relationships_tenant_id_id_fk" FOREIGN KEY ("tenant_id","relationship_id") REFERENCES "public"."relationships"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_offers" ADD CONSTRAINT "slot_offers_tenant_id_session_id_sessions_tenant_id_id_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."sessions"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_offers" ADD CONSTRAINT "slot_offers_tenant_id_booked_by_person_id_people_tenant_id_id_fk" FOREIGN KEY ("tenant_id","booked_by_person_id") REFERENCES "public"."people"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "pair_flags_key" ON "pair_flags" USING btree ("tenant_id","key");--> statement-breakpoint
CREATE INDEX "pair_flags_open" ON "pair_flags" USING btree ("tenant_id","relationship_id") WHERE resolved_at is null;--> statement-breakpoint
CREATE INDEX "slot_offers_relationship" ON "slot_offers" USING btree ("tenant_id","relationship_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_delivery_key" ON "notifications" USING btree ("tenant_id","delivery_key") WHERE delivery_key is not null;