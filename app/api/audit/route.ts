import * as operations from "@/lib/api/operations/admin";
import { route } from "@/lib/api/route";
import { listAuditEvents } from "@/lib/audit/read";

export const GET = route(operations.listAuditEvents, ({ query }) => listAuditEvents(query));
