// The reset form's fields: the API's new password, typed twice. Only the first goes to
// the server, so the second is checked here, against the first, before anything is sent.
import { z } from "zod";
import { PasswordSchema } from "@/lib/auth/schemas";

export const ResetFormSchema = z
  .object({
    new_password: PasswordSchema,
    confirm_password: z.string({ error: "Type the new password again." }).min(1, { error: "Type the new password again." }),
  })
  .refine((fields) => fields.new_password === fields.confirm_password, {
    error: "The two passwords don't match. Type the same one twice.",
    path: ["confirm_password"],
  });
