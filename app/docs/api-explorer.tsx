"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import { endpointPath } from "@/lib/api/endpoint";
import { meta } from "@/lib/api/endpoints";
import styles from "./docs.module.css";

const DOCUMENT = endpointPath(meta.getOpenApiDocument);

/**
 * Swagger UI wraps its operations in a <main> of its own, which would give the page a
 * second main landmark inside the app's: it becomes a named region instead.
 */
function demoteInnerMain(host: HTMLElement): void {
  for (const main of host.querySelectorAll("main")) {
    main.setAttribute("role", "region");
    main.setAttribute("aria-label", "Endpoints");
  }
}

/** After the explorer has grown the page, go back to the anchor the URL names. */
function scrollToHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) document.getElementById(id)?.scrollIntoView();
}

/**
 * Swagger UI's stylesheet carries its own dark theme, switched on by a `dark-mode` class
 * on <html> and not by the media query: it follows the visitor's colour scheme while
 * this page is open, as the app's own styles do.
 */
function useDarkModeClass(): void {
  useEffect(() => {
    const dark = window.matchMedia("(prefers-color-scheme: dark)");
    const apply = () => document.documentElement.classList.toggle("dark-mode", dark.matches);
    apply();
    dark.addEventListener("change", apply);
    return () => {
      dark.removeEventListener("change", apply);
      document.documentElement.classList.remove("dark-mode");
    };
  }, []);
}

// Swagger UI's self-contained bundle (its own React inside), loaded only on this page
// and only in the browser. See docs/decisions/0008-api-reference-viewer.md.
export function ApiExplorer() {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  useDarkModeClass();

  useEffect(() => {
    let cancelled = false;
    import("swagger-ui-dist/swagger-ui-es-bundle.js")
      .then(({ default: SwaggerUI }) => {
        if (cancelled || !host.current) return;
        SwaggerUI({
          domNode: host.current,
          url: DOCUMENT,
          docExpansion: "list",
          defaultModelsExpandDepth: 0,
          displayRequestDuration: true,
          // Tokens pasted into "Authorize" stay in memory, never in localStorage.
          persistAuthorization: false,
          // No badge fetched from validator.swagger.io: the page loads nothing from elsewhere.
          validatorUrl: null,
          onComplete: () => {
            if (host.current) demoteInnerMain(host.current);
            setState("ready");
            scrollToHash();
          },
        });
      })
      .catch(() => setState("failed"));
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <div className={styles.explorer}>
      {state === "loading" && <p className={styles.status}>Loading the API explorer…</p>}
      {state === "failed" && (
        <p className={styles.status} role="alert">
          The explorer could not load. The raw document is at <a href={DOCUMENT}>{DOCUMENT}</a>.
        </p>
      )}
      {/* Swagger UI's own React owns everything inside this element. */}
      <div ref={host} />
    </div>
  );
}
