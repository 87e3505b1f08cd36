import * as operations from "@/lib/api/operations/factors";
import { reauthenticate } from "@/lib/auth/accounts/second-factors";
import { route } from "@/lib/api/route";

// route() renews a browser's access cookie (the operation delivers "access-cookie").
export const POST = route(operations.reauthenticate, ({ caller, body }) => reauthenticate(caller, body));
