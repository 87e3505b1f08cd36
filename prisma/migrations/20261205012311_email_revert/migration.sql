-- The link an email change mails to the old address, which puts it back (docs/decisions/0039),
-- and the index signup and email change use to see whether a live one holds an address.
-- AlterEnum
ALTER TYPE "EmailTokenPurpose" ADD VALUE 'email_revert';

-- CreateIndex
CREATE INDEX "email_tokens_email_purpose_idx" ON "email_tokens"("email", "purpose");
