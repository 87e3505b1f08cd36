-- CreateTable
CREATE TABLE "signing_keys" (
    "kid" VARCHAR(64) NOT NULL,
    "alg" VARCHAR(8) NOT NULL,
    "public_jwk" JSONB NOT NULL,
    "private_key_sealed" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "signs_from" TIMESTAMPTZ(3) NOT NULL,
    "retired_at" TIMESTAMPTZ(3),
    "expires_from_set" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "signing_keys_pkey" PRIMARY KEY ("kid")
);

-- Every change to the key set (a key made, rotated, revoked, or deleted by hand) tells every
-- listening server instance to load the set again (lib/auth/identity/signing-keys.ts).
CREATE FUNCTION "signing_keys_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('signing_keys_changed', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER "signing_keys_changed"
    AFTER INSERT OR UPDATE OR DELETE ON "signing_keys"
    FOR EACH STATEMENT EXECUTE FUNCTION "signing_keys_changed"();
