import { requireUser } from "@/lib/auth/authenticate";
import { resendVerification } from "@/lib/auth/recovery";
import { json } from "@/lib/http/response";
import { route } from "@/lib/http/route";

export const POST = route(async (request) => {
  const user = await requireUser(request);
  await resendVerification(user.id);
  return json({ status: "sent" }, { status: 202 });
});
