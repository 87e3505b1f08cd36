"use client";
// The account page's parts. They share one thing: a password change ends the other
// sessions, so the sessions list reloads after it.
import { useState } from "react";
import { DeleteAccount } from "./delete-account";
import { PasswordForm } from "./password-form";
import { ProfileCard } from "./profile-card";
import { SessionsPanel } from "./sessions-panel";

export function AccountSections() {
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <>
      <ProfileCard />
      <PasswordForm onChanged={() => setSessionsVersion((v) => v + 1)} />
      <SessionsPanel version={sessionsVersion} />
      <DeleteAccount />
    </>
  );
}
