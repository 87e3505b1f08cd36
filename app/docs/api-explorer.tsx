"use client";

import { useEffect, useRef, useState } from "react";
import "swagger-ui-dist/swagger-ui.css";
import { endpointPath } from "@/lib/api/endpoint";
import { meta } from "@/lib/api/endpoints";
import styles from "./docs.module.css";

const DOCUMENT = endpointPath(meta.getOpenApiDocument);

/** After the explorer has grown the page, go back to the anchor the URL names. */
function scrollToHash(): void {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (id) document.getElementById(id)?.scrollIntoView();
}

// Swagger UI's self-contained bundle (its own React inside), loaded only on this page
// and only in the browser. See docs/decisions/0008-api-reference-viewer.md.
export function ApiExplorer() {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");

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
