// Response envelopes that only the document needs: the handlers build these objects
// from the shared schemas' types, and nothing parses them on the way out.
import { z } from "zod";
import { SessionSchema, UserSchema } from "@/lib/auth/schemas";

export const MeResponseSchema = z.object({ user: UserSchema }).meta({ id: "MeResponse" });

export const SessionListSchema = z.object({ sessions: z.array(SessionSchema) }).meta({ id: "SessionList" });

export const UserPageSchema = z
  .object({
    users: z.array(UserSchema),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last." }),
  })
  .meta({ id: "UserPage" });

export const HealthSchema = z.object({ status: z.literal("ok") }).meta({ id: "Health" });
