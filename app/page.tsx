// The front door: signed-in users go to their items, everyone else to sign in (where a
// still-valid refresh session is picked up silently and sent on to /items).
import { redirect } from "next/navigation";
import { getPageCaller } from "@/lib/auth/accounts/page-caller";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  redirect((await getPageCaller()) ? "/items" : "/login");
}
