// The trail's shapes on the API, written once: the activity and audit endpoints' queries and
// answers, which route() checks and the OpenAPI document describes.
import { z } from "zod";
import { AUDIT_EVENT_TYPES } from "@/lib/audit/events";

const EXAMPLE_USER_ID = "01936f8e-7c4a-7d3e-9b1a-2f4c5d6e7f80";

const cursor = z
  .union([z.literal("").transform(() => undefined), z.string().regex(/^[1-9]\d{0,18}$/).transform(BigInt)], {
    error: "Not a cursor from this list.",
  })
  .optional()
  .meta({ description: "The `nextCursor` of the previous page; empty for the first page.", example: "" });

const limit = z.coerce.number().int().min(1).max(100).default(20);

export const AuditEventTypeSchema = z.enum(AUDIT_EVENT_TYPES).meta({ id: "AuditEventType" });

export const ActivityQuerySchema = z.object({ limit, cursor });

export const AuditQuerySchema = z.object({
  user: z
    .union([z.literal("").transform(() => undefined), z.uuid({ error: "Not a user id." })])
    .optional()
    .meta({ description: "Only events where this user acted or was acted on; empty for all.", example: "" }),
  type: z
    .union([z.literal("").transform(() => undefined), AuditEventTypeSchema])
    .optional()
    .meta({ description: "Only events of this type; empty for all.", example: "" }),
  limit,
  cursor,
});

const ActivityEventSchema = z
  .object({
    id: z.string(),
    at: z.iso.datetime(),
    type: AuditEventTypeSchema,
    outcome: z.enum(["success", "failure"]),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    actor: z.enum(["self", "admin", "system"]).meta({ description: "Who did it: you (or someone with your credentials), an administrator, or the app." }),
  })
  .meta({ id: "ActivityEvent" });

const AuditEventSchema = ActivityEventSchema.extend({
  actor: z.enum(["user", "admin", "system"]),
  actorId: z.string().nullable(),
  targetId: z.string().nullable(),
  sessionId: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
}).meta({ id: "AuditEvent" });

const nextCursor = z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." });

export const ActivityPageSchema = z.object({ events: z.array(ActivityEventSchema), nextCursor }).meta({ id: "ActivityPage" });
export const AuditPageSchema = z.object({ events: z.array(AuditEventSchema), nextCursor }).meta({ id: "AuditPage" });

export const EXAMPLE_ACTIVITY_EVENT = {
  id: "1042",
  at: "2026-12-04T09:30:00.000Z",
  type: "login",
  outcome: "failure",
  ip: "203.0.113.7",
  userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15",
  actor: "self",
} as const;

export const EXAMPLE_AUDIT_EVENT = {
  ...EXAMPLE_ACTIVITY_EVENT,
  type: "user_disabled",
  outcome: "success",
  actor: "admin",
  actorId: "01936f8e-8a11-7b20-8c3d-4e5f60718293",
  targetId: EXAMPLE_USER_ID,
  sessionId: "01936f8e-9b22-7c31-8d4e-5f6071829304",
  reason: "Reported for spam; disabled while we look into it.",
  details: { until: null },
} as const;
