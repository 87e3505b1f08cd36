-- A forgot-password request for an unknown address writes a decoy token row that no
-- account owns, so that it costs what a real request does (docs/decisions/0027).
-- AlterTable
ALTER TABLE "email_tokens" ALTER COLUMN "user_id" DROP NOT NULL;
