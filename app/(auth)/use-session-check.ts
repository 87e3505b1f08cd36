"use client";
// Middleware sends a page request whose access cookie has expired to /login?next=…,
// though the refresh cookie may still be good. So before showing the form, the login
// page tries one silent refresh; if it works the user goes straight on to `next`.
import { useEffect, useState } from "react";
import { refreshSession } from "@/lib/client/api";
import { goTo } from "./navigate";

export type SessionCheck = "checking" | "signed-out" | "resuming";

export function useSessionCheck(next: string, enabled: boolean): SessionCheck {
  const [state, setState] = useState<SessionCheck>(enabled ? "checking" : "signed-out");
  useEffect(() => {
    if (!enabled) return;
    let active = true;
    void refreshSession().then((ok) => {
      if (!active) return;
      setState(ok ? "resuming" : "signed-out");
      if (ok) goTo(next);
    });
    return () => {
      active = false;
    };
  }, [next, enabled]);
  return state;
}
