CREATE TABLE "program_rating_days" (
	"tenant_id" text NOT NULL,
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"score" integer NOT NULL,
	"by_mentor" boolean NOT NULL,
	"ratings" integer NOT NULL,
	CONSTRAINT "program_rating_days_tenant_id_program_id_day_score_by_mentor_pk" PRIMARY KEY("tenant_id","program_id","day","score","by_mentor")
);
--> statement-breakpoint
CREATE TABLE "program_session_days" (
	"tenant_id" text NOT NULL,
	"program_id" uuid NOT NULL,
	"day" date NOT NULL,
	"status" text NOT NULL,
	"responses" text[] NOT NULL,
	"sessions" integer NOT NULL,
	CONSTRAINT "program_session_days_tenant_id_program_id_day_status_responses_pk" PRIMARY KEY("tenant_id","program_id","day","status","responses")
);
--> statement-breakpoint
-- Program health (src/store/repositories/programHealth.ts) answers a first look at a large program from
-- small tables and indexes instead of reading every session and rating of the range. What it reads is kept
-- by the database, not by the code, so no writer has to remember it:
-- * columns copied in on write, not declared in src/store/schema.ts, so no query selects or writes them:
--   a session's program and sorted attendance responses; a rating's program, its session's start (kept
--   in step when the session moves) and whether the rater is the pair's mentor; a relationship's last held
--   session, the end of its latest proposed or scheduled session, and whether it has any session;
-- * program_session_days and program_rating_days, counts per program and UTC day changed by each
--   statement's rows as a delta (deltas commute, so concurrent writers need no extra locking).
ALTER TABLE "sessions" ADD COLUMN "program_id" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "attendance_responses" text[];--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "program_id" uuid;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "session_starts_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ratings" ADD COLUMN "by_mentor" boolean;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "last_held_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "open_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "relationships" ADD COLUMN "has_session" boolean NOT NULL DEFAULT false;--> statement-breakpoint
CREATE INDEX "sessions_program_starts" ON "sessions" USING btree ("tenant_id","program_id","starts_at");--> statement-breakpoint
CREATE INDEX "sessions_relationship_status" ON "sessions" USING btree ("relationship_id","status","starts_at","ends_at");--> statement-breakpoint
CREATE FUNCTION "sessions_attendance_responses"(attendance jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(a.value ORDER BY a.value), '{}') FROM jsonb_each_text(attendance) a
$$;--> statement-breakpoint
CREATE FUNCTION "sessions_copy_program"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."program_id" INTO NEW."program_id" FROM "relationships" r
  WHERE r."tenant_id" = NEW."tenant_id" AND r."id" = NEW."relationship_id";
  NEW."attendance_responses" := "sessions_attendance_responses"(NEW."attendance");
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_copy_program" BEFORE INSERT OR UPDATE OF "relationship_id", "attendance" ON "sessions"
FOR EACH ROW EXECUTE FUNCTION "sessions_copy_program"();--> statement-breakpoint
CREATE FUNCTION "ratings_copy_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT r."program_id", s."starts_at", NEW."rater_person_id" = r."mentor_person_id"
  INTO NEW."program_id", NEW."session_starts_at", NEW."by_mentor"
  FROM "sessions" s JOIN "relationships" r ON r."tenant_id" = s."tenant_id" AND r."id" = s."relationship_id"
  WHERE s."tenant_id" = NEW."tenant_id" AND s."id" = NEW."session_id";
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER "ratings_copy_session" BEFORE INSERT OR UPDATE OF "session_id", "rater_person_id" ON "ratings"
FOR EACH ROW EXECUTE FUNCTION "ratings_copy_session"();--> statement-breakpoint
CREATE FUNCTION "sessions_move_ratings"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ratings" SET "session_starts_at" = NEW."starts_at"
  WHERE "tenant_id" = NEW."tenant_id" AND "session_id" = NEW."id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_move_ratings" AFTER UPDATE OF "starts_at" ON "sessions"
FOR EACH ROW WHEN (OLD."starts_at" IS DISTINCT FROM NEW."starts_at") EXECUTE FUNCTION "sessions_move_ratings"();--> statement-breakpoint
-- A pair's sessions summed up for the at-risk list; recounted under the pair's row lock, taken first so
-- the recount sees every committed session.
CREATE FUNCTION "relationships_recount_sessions"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM "relationships" WHERE "id" = ANY(ids) ORDER BY "id" FOR UPDATE;
  UPDATE "relationships" r SET
    "last_held_at" = (SELECT max(s."starts_at") FROM "sessions" s WHERE s."relationship_id" = r."id" AND s."status" = 'held'),
    "open_until" = (SELECT max(s."ends_at") FROM "sessions" s WHERE s."relationship_id" = r."id" AND s."status" IN ('proposed', 'scheduled')),
    "has_session" = EXISTS (SELECT 1 FROM "sessions" s WHERE s."relationship_id" = r."id")
  WHERE r."id" = ANY(ids);
END $$;--> statement-breakpoint
CREATE FUNCTION "sessions_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "program_session_days" ("tenant_id", "program_id", "day", "status", "responses", "sessions")
    SELECT "tenant_id", "program_id", ("starts_at" AT TIME ZONE 'UTC')::date, "status", coalesce("attendance_responses", '{}'), -count(*)
    FROM old_rows WHERE "program_id" IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("tenant_id", "program_id", "day", "status", "responses")
    DO UPDATE SET "sessions" = "program_session_days"."sessions" + excluded."sessions";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "program_session_days" ("tenant_id", "program_id", "day", "status", "responses", "sessions")
    SELECT "tenant_id", "program_id", ("starts_at" AT TIME ZONE 'UTC')::date, "status", coalesce("attendance_responses", '{}'), count(*)
    FROM new_rows WHERE "program_id" IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("tenant_id", "program_id", "day", "status", "responses")
    DO UPDATE SET "sessions" = "program_session_days"."sessions" + excluded."sessions";
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM "relationships_recount_sessions"(array(SELECT DISTINCT "relationship_id" FROM new_rows));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM "relationships_recount_sessions"(array(SELECT DISTINCT "relationship_id" FROM old_rows));
  ELSE
    PERFORM "relationships_recount_sessions"(array(SELECT "relationship_id" FROM new_rows UNION SELECT "relationship_id" FROM old_rows));
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "sessions_count_days_insert" AFTER INSERT ON "sessions" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "sessions_count_days"();--> statement-breakpoint
CREATE TRIGGER "sessions_count_days_update" AFTER UPDATE ON "sessions" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "sessions_count_days"();--> statement-breakpoint
CREATE TRIGGER "sessions_count_days_delete" AFTER DELETE ON "sessions" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "sessions_count_days"();--> statement-breakpoint
CREATE FUNCTION "ratings_count_days"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "program_rating_days" ("tenant_id", "program_id", "day", "score", "by_mentor", "ratings")
    SELECT "tenant_id", "program_id", ("session_starts_at" AT TIME ZONE 'UTC')::date, "score", coalesce("by_mentor", false), -count(*)
    FROM old_rows WHERE "program_id" IS NOT NULL AND "session_starts_at" IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("tenant_id", "program_id", "day", "score", "by_mentor")
    DO UPDATE SET "ratings" = "program_rating_days"."ratings" + excluded."ratings";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "program_rating_days" ("tenant_id", "program_id", "day", "score", "by_mentor", "ratings")
    SELECT "tenant_id", "program_id", ("session_starts_at" AT TIME ZONE 'UTC')::date, "score", coalesce("by_mentor", false), count(*)
    FROM new_rows WHERE "program_id" IS NOT NULL AND "session_starts_at" IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT ("tenant_id", "program_id", "day", "score", "by_mentor")
    DO UPDATE SET "ratings" = "program_rating_days"."ratings" + excluded."ratings";
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "ratings_count_days_insert" AFTER INSERT ON "ratings" REFERENCING NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ratings_count_days"();--> statement-breakpoint
CREATE TRIGGER "ratings_count_days_update" AFTER UPDATE ON "ratings" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ratings_count_days"();--> statement-breakpoint
CREATE TRIGGER "ratings_count_days_delete" AFTER DELETE ON "ratings" REFERENCING OLD TABLE AS old_rows
FOR EACH STATEMENT EXECUTE FUNCTION "ratings_count_days"();--> statement-breakpoint
-- The rows already there: fill the copies (the update triggers above count them), then the pairs' summaries.
UPDATE "sessions" s SET "program_id" = r."program_id", "attendance_responses" = "sessions_attendance_responses"(s."attendance")
FROM "relationships" r WHERE r."tenant_id" = s."tenant_id" AND r."id" = s."relationship_id";--> statement-breakpoint
UPDATE "ratings" rt SET "program_id" = r."program_id", "session_starts_at" = s."starts_at", "by_mentor" = rt."rater_person_id" = r."mentor_person_id"
FROM "sessions" s JOIN "relationships" r ON r."tenant_id" = s."tenant_id" AND r."id" = s."relationship_id"
WHERE s."tenant_id" = rt."tenant_id" AND s."id" = rt."session_id";
