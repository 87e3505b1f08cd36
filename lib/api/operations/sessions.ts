// The devices a user is signed in on: the list, and ending one, the others, or all.
import { COMMON_ERRORS } from "@/lib/api/errors";
import { EXAMPLE_SESSION_ID } from "@/lib/auth/schemas";
import { defineOperation } from "@/lib/api/operation";
import { SessionListSchema } from "@/lib/auth/responses";
import { EndSessionsQuerySchema, SessionIdParamsSchema, SessionsQuerySchema } from "@/lib/auth/schemas";

export const listSessions = defineOperation({
  id: "listSessions",
  method: "GET",
  path: "/api/auth/sessions",
  tag: "Sessions",
  summary: "The caller's sessions",
  description: "Active sessions; with `include=ended` also those ended in the last 30 days, with why.",
  access: "user",
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
});

export const endSessions = defineOperation({
  id: "endSessions",
  method: "DELETE",
  path: "/api/auth/sessions",
  tag: "Sessions",
  summary: "Log out everywhere, or on every other device",
  description:
    "Ends every session of the caller, this one included, and clears the cookies. With `except=current`, ends every " +
    "other session (`revoked`) and keeps this one signed in.",
  access: "user",
  query: EndSessionsQuerySchema,
  delivers: "may-clear-cookies",
  success: { status: 204, description: "The sessions ended; cookies cleared unless this one was kept." },
});

export const endSession = defineOperation({
  id: "endSession",
  method: "DELETE",
  path: "/api/auth/sessions/[id]",
  tag: "Sessions",
  summary: "End one of the caller's sessions",
  access: "user",
  params: SessionIdParamsSchema,
  delivers: "may-clear-cookies",
  success: { status: 204, description: "Ended (cookies cleared when it was this session)." },
  errors: [{ ...COMMON_ERRORS.notFound, description: "No active session of the caller has this id." }],
});
