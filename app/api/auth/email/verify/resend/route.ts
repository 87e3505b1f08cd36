import { requireUser } from "@/lib/auth/authenticate";
import { resendVerification } from "@/lib/auth/recovery";
import { json, route } from "@/lib/http";

export const POST = route(async (request) => {
  const user = await requireUser(request);
  await resendVerification(user.id);
  return json({ status: "sent" }, { status: 202 });
});
