"use client";
// The account page's parts, starting from what the server page read (as the data
// hook's pages). They share one thing: a password change ends the other sessions, so
// the sessions list reloads after it.
import { useState } from "react";
import type { SessionView, User } from "@/lib/auth/responses";
import type { Paged } from "@/lib/client/hooks/use-paged-data";
import { DeleteAccount } from "./delete-account";
import { EmailForm } from "./email-form";
import { PasswordForm } from "./password-form";
import { ProfileCard } from "./profile-card";
import { SessionsPanel } from "./sessions-panel";

type AccountSectionsProps = {
  user: User;
  /** `user`, as the profile card's data hook starts from it (see useServedData). */
  me: Paged<User>;
  sessions: Paged<SessionView>;
  /** The new address an email change waits to be confirmed for, if any. */
  pendingEmail: string | null;
};

export function AccountSections({ user, me, sessions, pendingEmail }: AccountSectionsProps) {
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <>
      <ProfileCard initial={me} />
      <EmailForm email={user.email} initialPending={pendingEmail} />
      <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsPanel version={sessionsVersion} initial={sessions} />
      <DeleteAccount />
    </>
  );
}
