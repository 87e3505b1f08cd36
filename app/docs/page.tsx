import type { Metadata } from "next";
import { endpointPath } from "@/lib/api/endpoint";
import { auth, meta } from "@/lib/api/endpoints";
import { ERROR_CODES, type ErrorCode } from "@/lib/http/problem";
import { SiteShell } from "@/app/(app)/site-shell";
import { ApiExplorer } from "./api-explorer";
import styles from "./docs.module.css";

export const metadata: Metadata = { title: "API reference" };

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];

// The explorer is drawn in the browser from /api/openapi.json; the error codes are
// server-rendered so that the `type` links of problem bodies (/docs#error-<code>)
// land on an anchor even before, or without, any script. The app's header above it is
// the way back to the app.
export default function DocsPage() {
  return (
    <SiteShell className={styles.page} wide>
      <header className={styles.intro}>
        <h1>API reference</h1>
        <p>
          Every endpoint of the JSON API, from its <a href={endpointPath(meta.getOpenApiDocument)}>OpenAPI 3.1 document</a> (import that
          URL into Postman or Insomnia).
        </p>
        <p>
          To try the protected endpoints here, run{" "}
          <strong>
            {auth.logIn.method} {auth.logIn.path}
          </strong>{" "}
          (or signup) with “Try it out”:
          it sets this browser&apos;s session cookie, which later calls send along. Or press{" "}
          <strong>Authorize</strong> and paste an <code>access_token</code>.
        </p>
      </header>
      <ApiExplorer />
      <section className={styles.errors} aria-labelledby="errors">
        <h2 id="errors">Error codes</h2>
        <p>
          Every error is <code>application/problem+json</code> with one of these <code>code</code> values; its{" "}
          <code>type</code> links here.
        </p>
        <dl className={styles.codes}>
          {CODES.map((code) => (
            <div key={code} id={`error-${code}`} className={styles.code}>
              <dt>
                <code>{code}</code>
              </dt>
              <dd>{ERROR_CODES[code]}</dd>
            </div>
          ))}
        </dl>
      </section>
    </SiteShell>
  );
}
