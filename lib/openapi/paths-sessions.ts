// The sessions endpoints of the API contract, described for the OpenAPI document.
import type { ApiRoute } from "@/lib/auth/routes";
import { SessionsQuerySchema } from "@/lib/auth/schemas";
import { COMMON_ERRORS } from "@/lib/openapi/errors";
import { EXAMPLE_SESSION_ID } from "@/lib/openapi/examples";
import type { RouteOperations } from "@/lib/openapi/operation";
import { SessionListSchema } from "@/lib/openapi/responses";

const COOKIES_SET = ["Set-Cookie"];

type SessionRoute = Extract<ApiRoute, `/api/auth/sessions${string}`>;

export const SESSION_OPERATIONS = {
  "/api/auth/sessions": {
    GET: {
      id: "listSessions",
      tag: "Sessions",
      summary: "The caller's sessions",
      description: "Active sessions; with `include=ended` also those ended in the last 30 days, with why.",
      access: "token",
      query: SessionsQuerySchema,
      success: {
        status: 200,
        description: "Sessions, newest first.",
        schema: SessionListSchema,
        example: {
          sessions: [
            {
              id: EXAMPLE_SESSION_ID,
              createdAt: "2025-01-15T09:30:00.000Z",
              lastUsedAt: "2025-01-15T10:05:00.000Z",
              userAgent: "Mozilla/5.0",
              current: true,
              endedAt: null,
              endReason: null,
            },
          ],
        },
      },
    },
    DELETE: {
      id: "logOutEverywhere",
      tag: "Sessions",
      summary: "Log out everywhere",
      description: "Ends every session of the caller, this one included.",
      access: "token",
      success: { status: 204, description: "All sessions ended; cookies cleared.", headers: COOKIES_SET },
    },
  },
  "/api/auth/sessions/[id]": {
    DELETE: {
      id: "endSession",
      tag: "Sessions",
      summary: "End one of the caller's sessions",
      access: "token",
      pathParameter: { description: "A session id from the sessions list.", example: EXAMPLE_SESSION_ID },
      success: { status: 204, description: "Ended (cookies cleared when it was this session).", headers: COOKIES_SET },
      errors: [{ ...COMMON_ERRORS.notFound, description: "No active session of the caller has this id." }],
    },
  },
} satisfies RouteOperations<SessionRoute>;
