import * as operations from "@/lib/api/operations/sessions";
import { route } from "@/lib/api/route";
import { listActivity } from "@/lib/audit/read";

export const GET = route(operations.getActivity, ({ caller, query }) => listActivity(caller.id, query));
