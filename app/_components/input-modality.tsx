"use client";
// Remembers on <html> whether the person last used the keyboard or a pointer in this page
// (data-input="keyboard" | "pointer"), for the one ring :focus-visible alone gets wrong:
// Chromium draws it around a heading that a script focuses as the page opens (a mailed
// link's "This link no longer works"), before any input at all, and to someone who came
// by mouse that box looks like a glitch. globals.css draws the ring of such a heading only
// after keyboard use; focus itself moves as before, for screen readers and keyboards.
import { useEffect } from "react";

export function InputModality() {
  useEffect(() => {
    const root = document.documentElement;
    const keyboard = (event: KeyboardEvent) => {
      // Modifier chords (a shortcut, a screenshot) are no move through the page.
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      root.dataset.input = "keyboard";
    };
    const pointer = () => {
      root.dataset.input = "pointer";
    };
    document.addEventListener("keydown", keyboard, true);
    document.addEventListener("pointerdown", pointer, true);
    return () => {
      document.removeEventListener("keydown", keyboard, true);
      document.removeEventListener("pointerdown", pointer, true);
    };
  }, []);
  return null;
}
