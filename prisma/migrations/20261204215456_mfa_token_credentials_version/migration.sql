-- A second step must store its session only while the password it followed is still the
-- account's. Tokens in flight (300 s at most) cannot say which version they followed: they
-- go, and their logins start again.
DELETE FROM "mfa_tokens";

-- AlterTable
ALTER TABLE "mfa_tokens" ADD COLUMN     "credentials_version" INTEGER NOT NULL;
