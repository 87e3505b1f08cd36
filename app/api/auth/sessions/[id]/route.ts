import { clearAuthCookies } from "@/lib/auth/cookies";
import { requireUser } from "@/lib/auth/authenticate";
import { endUserSession } from "@/lib/auth/sessions";
import { HttpError } from "@/lib/http/problem";
import { noContent } from "@/lib/http/response";
import { route } from "@/lib/http/route";

type Context = { params: Promise<{ id: string }> };

export const DELETE = route<Context>(async (request, { params }) => {
  const user = await requireUser(request);
  const { id } = await params;
  const current = id === user.sessionId;
  if (!(await endUserSession(user.id, id, current ? "logout" : "revoked"))) {
    throw new HttpError(404, { code: "not_found", detail: "You have no active session with this id." });
  }
  const headers = new Headers();
  if (current) clearAuthCookies(request, headers);
  return noContent(headers);
});
