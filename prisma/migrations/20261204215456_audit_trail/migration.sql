-- CreateTable
CREATE TABLE "audit_events" (
    "seq" BIGINT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "outcome" VARCHAR(16) NOT NULL,
    "actor_type" VARCHAR(8) NOT NULL,
    "actor_id" UUID,
    "target_id" UUID,
    "session_id" UUID,
    "ip" VARCHAR(64),
    "user_agent" VARCHAR(512),
    "reason" VARCHAR(500),
    "details" JSONB,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "audit_chain" (
    "id" INTEGER NOT NULL,
    "seq" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,

    CONSTRAINT "audit_chain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "seq" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    "purged_before" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "audit_events_target_id_seq_idx" ON "audit_events"("target_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_actor_id_seq_idx" ON "audit_events"("actor_id", "seq");

-- CreateIndex
CREATE INDEX "audit_events_type_seq_idx" ON "audit_events"("type", "seq");

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- The chain starts from 32 zero bytes at sequence 0 (lib/audit/chain.ts: GENESIS).
INSERT INTO "audit_chain" ("id", "seq", "hash") VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);

-- The trail is append-only in the database itself: no UPDATE, no TRUNCATE, and DELETE only
-- inside the retention purge, which sets audit.purge for its own transaction after writing
-- the checkpoint the chain then starts from (lib/audit/retention.ts). The chain catches
-- what these cannot stop (a superuser turning triggers off): `npm run audit:verify`.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_events' AND current_setting('audit.purge', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "audit_checkpoints_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
-- The head moves forward only: its row is never deleted.
CREATE TRIGGER "audit_chain_no_delete" BEFORE DELETE ON "audit_chain"
  FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
