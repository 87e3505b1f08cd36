"use client";
// The account page's parts, starting from what the server page read. They share one
// thing: a password change ends the other sessions, so the sessions list reloads after it.
import { useState } from "react";
import type { MfaStatusView, PasskeyView, SessionView, User } from "@/lib/auth/responses";
import { DeleteAccount } from "./delete-account";
import { EmailForm } from "./email-form";
import { PasskeysPanel } from "./passkeys-panel";
import { PasswordForm } from "./password-form";
import { ProfileCard } from "./profile-card";
import { SessionsPanel } from "./sessions-panel";
import { TwoStepPanel } from "./two-step-panel";

type AccountSectionsProps = {
  user: User;
  sessions: SessionView[];
  /** The new address an email change waits to be confirmed for, if any. */
  pendingEmail: string | null;
  /** Two-step sign-in, as GET /api/auth/mfa answers it. */
  mfa: MfaStatusView;
  passkeys: PasskeyView[];
  /** The passkeys' relying party id, for the WebAuthn Signal API. */
  rpId: string;
};

export function AccountSections({ user, sessions, pendingEmail, mfa, passkeys, rpId }: AccountSectionsProps) {
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <>
      <ProfileCard initial={user} />
      <EmailForm email={user.email} initialPending={pendingEmail} />
      <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
      <TwoStepPanel initial={mfa} email={user.email} />
      <PasskeysPanel initial={passkeys} userId={user.id} rpId={rpId} />
      <SessionsPanel version={sessionsVersion} initial={sessions} />
      <DeleteAccount />
    </>
  );
}
