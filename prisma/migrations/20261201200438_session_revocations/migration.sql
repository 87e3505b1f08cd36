-- CreateTable
CREATE TABLE "session_revocations" (
    "session_id" UUID NOT NULL,
    "revoked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "session_revocations_pkey" PRIMARY KEY ("session_id")
);

-- CreateIndex
CREATE INDEX "session_revocations_revoked_at_idx" ON "session_revocations"("revoked_at");

-- Every way a session stops being live, as one event: its end (logout, logout everywhere,
-- refresh reuse, password change, revocation), and the deletion of a live session (an
-- account deletion cascades here). The trigger records the id and tells every listening
-- server instance (lib/auth/sessions/revocations.ts). The payload carries the trigger's clock in
-- milliseconds, so a listener can tell how long delivery took.
CREATE FUNCTION "session_revoked"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ended_id UUID := CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END;
BEGIN
    INSERT INTO "session_revocations" ("session_id") VALUES (ended_id) ON CONFLICT DO NOTHING;
    PERFORM pg_notify('session_revoked', ended_id::text || ' ' || floor(extract(epoch FROM clock_timestamp()) * 1000)::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER "sessions_revoked_on_end"
    AFTER UPDATE OF "ended_at" ON "sessions"
    FOR EACH ROW WHEN (OLD."ended_at" IS NULL AND NEW."ended_at" IS NOT NULL)
    EXECUTE FUNCTION "session_revoked"();

CREATE TRIGGER "sessions_revoked_on_delete"
    AFTER DELETE ON "sessions"
    FOR EACH ROW WHEN (OLD."ended_at" IS NULL)
    EXECUTE FUNCTION "session_revoked"();
