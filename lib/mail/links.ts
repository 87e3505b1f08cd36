// Where mailed links point: APP_ORIGIN, else Vercel's production domain, else the address
// `npm start` listens on. The token rides in the fragment, which browsers never send to a
// server, so it stays out of access logs and Referer headers.
import { env } from "@/lib/env";

export function publicOrigin(): string {
  if (env.APP_ORIGIN) return env.APP_ORIGIN;
  if (env.VERCEL_PROJECT_PRODUCTION_URL) return `https://${env.VERCEL_PROJECT_PRODUCTION_URL}`;
  return `http://${env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST}:${env.PORT}`;
}

export const linkTo = (page: "/reset-password" | "/verify-email" | "/revert-email", token: string) =>
  `${publicOrigin()}${page}#token=${encodeURIComponent(token)}`;
