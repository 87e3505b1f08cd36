// The devices a user is signed in on: the list, and ending one, the others, or all; and
// the account's security activity.
import { COMMON_ERRORS } from "@/lib/api/errors";
import { EXAMPLE_SESSION_ID } from "@/lib/auth/schemas";
import { defineOperation } from "@/lib/api/operation";
import { ActivityPageSchema, ActivityQuerySchema, EXAMPLE_ACTIVITY_EVENT } from "@/lib/audit/schemas";
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

export const getActivity = defineOperation({
  id: "getActivity",
  method: "GET",
  path: "/api/auth/activity",
  tag: "Sessions",
  summary: "The caller's security activity",
  description:
    "Every security event of the account in the last 90 days, newest first: sign-ins and failed attempts against it " +
    "(from anyone who typed its email), sign-outs, password and email changes, second factors, and what an admin did. " +
    "`actor` says who: `self` (the account's own credentials), `admin` or `system`.",
  access: "user",
  query: ActivityQuerySchema,
  success: {
    status: 200,
    description: "A page of events.",
    schema: ActivityPageSchema,
    example: { events: [EXAMPLE_ACTIVITY_EVENT], nextCursor: null },
  },
});
