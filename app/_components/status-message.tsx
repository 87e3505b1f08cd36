"use client";
// The one way a signed-in page says that something worked ("Added “Tea”.", "Signed out all
// your other devices."): a visible message at the bottom of the window, where it is seen
// whatever part of a long page the person is in, that stays until it is dismissed, replaced,
// or the person goes to another page. It is also a polite live region, always in the page,
// so screen readers announce each message. It never takes focus: the person goes on where
// they were. Its Dismiss button is in the tab order at the end of the page's content, and
// Escape dismisses it while focus is inside it. Colours come from globals.css's variables.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";

type StatusControls = { show: (text: string) => void; clear: () => void };

const StatusContext = createContext<StatusControls | null>(null);

/** Shows a success message (`show`) or takes it away (`clear`), from any signed-in page. */
export function useStatus(): StatusControls {
  const controls = useContext(StatusContext);
  if (!controls) throw new Error("useStatus needs a StatusProvider above it (app/(app)/layout.tsx).");
  return controls;
}

export function StatusProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<string | null>(null);
  const [shownOn, setShownOn] = useState<string | null>(null);
  const pathname = usePathname();
  const show = useCallback((text: string) => setStatus(text), []);
  const clear = useCallback(() => setStatus(null), []);
  // A message belongs to the page it was said on: another page starts without it.
  if (shownOn !== pathname) {
    setShownOn(pathname);
    if (status) setStatus(null);
  }
  const controls = useMemo(() => ({ show, clear }), [show, clear]);
  return (
    <StatusContext value={controls}>
      {children}
      <StatusMessage status={status} onDismiss={clear} />
    </StatusContext>
  );
}

function StatusMessage({ status, onDismiss }: { status: string | null; onDismiss: () => void }) {
  // Where the keyboard came from to reach Dismiss: dismissed, focus goes back there rather
  // than to the page's top with the button that had it.
  const cameFrom = useRef<HTMLElement | null>(null);
  const frame = useRef<HTMLDivElement>(null);

  function dismiss() {
    const hadFocus = frame.current?.contains(document.activeElement) ?? false;
    onDismiss();
    if (!hadFocus) return;
    const back = cameFrom.current?.isConnected ? cameFrom.current : document.getElementById("main");
    back?.focus();
  }

  return (
    <div
      ref={frame}
      className={status ? "status-message" : "status-message status-message-empty"}
      onFocus={(event) => {
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) cameFrom.current = from;
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape" && status) dismiss();
      }}
    >
      <p className="status-message-text" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </p>
      {status ? (
        <button type="button" className="button button-small button-quiet status-message-dismiss" onClick={dismiss}>
          Dismiss
        </button>
      ) : null}
    </div>
  );
}
