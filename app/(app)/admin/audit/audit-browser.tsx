"use client";
// The audit page's filters (a user id, an event type) over the list. Applied on submit,
// and kept in the address so that the filtered view can be linked to and reloaded.
import { useId, useState } from "react";
import { z } from "zod";
import { AUDIT_EVENT_TYPES, type AuditEventType } from "@/lib/audit/events";
import { describeEvent } from "@/lib/client/activity-words";
import type { Paged } from "@/lib/client/hooks/use-paged-data";
import { useFormSubmit } from "@/lib/client/hooks/use-form-submit";
import { Button } from "@/app/_components/button";
import { Field } from "@/app/_components/field";
import { Form } from "@/app/_components/form";
import { AUDIT_PAGE_SIZE } from "./audit-query";
import { EventList, type AuditEvent, type AuditFilter } from "./event-list";
import styles from "./audit.module.css";

const FilterSchema = z.object({
  user: z
    .string()
    .trim()
    .transform((value) => value || undefined)
    .pipe(z.uuid({ error: "A user id looks like 0193…-…: copy it from the user's page." }).optional()),
  type: z
    .string()
    .transform((value) => value || undefined)
    .pipe(z.enum(AUDIT_EVENT_TYPES).optional()),
});

type AuditBrowserProps = { initialFilter: AuditFilter; ignoredFilter: string | null; firstPage: Paged<AuditEvent> };

export function AuditBrowser({ initialFilter, ignoredFilter, firstPage }: AuditBrowserProps) {
  const typeId = useId();
  const [filter, setFilter] = useState<AuditFilter>(initialFilter);
  const form = useFormSubmit({
    schema: FilterSchema,
    send: async (chosen) => chosen,
    onSuccess: (chosen) => {
      setFilter(chosen);
      const search = new URLSearchParams();
      if (chosen.user) search.set("user", chosen.user);
      if (chosen.type) search.set("type", chosen.type);
      const query = search.toString();
      // The address only: the list reads the new filter itself.
      window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
    },
  });
  const described = [filter.user ? `of user ${filter.user}` : null, filter.type ? `of type “${describeEvent({ type: filter.type, outcome: "success" })}”` : null].filter(Boolean);
  return (
    <>
      <Form form={form} failure="Couldn't apply the filter" className={styles.filters} aria-label="Filter events">
        <Field label="User id" name="user" defaultValue={initialFilter.user ?? ""} error={form.errors.user} autoComplete="off" spellCheck={false} optional />
        <div className="field">
          <label className="label" htmlFor={typeId}>
            Type
          </label>
          <select id={typeId} name="type" className="input" defaultValue={initialFilter.type ?? ""}>
            <option value="">Every type</option>
            {AUDIT_EVENT_TYPES.map((type: AuditEventType) => (
              <option key={type} value={type}>
                {describeEvent({ type, outcome: "success" })} ({type})
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">Show events</Button>
      </Form>
      {ignoredFilter ? <p className="alert">The filter in the address (“{ignoredFilter}”) isn&apos;t one the trail knows, so every event is shown.</p> : null}
      <p className="muted">{described.length > 0 ? `Showing events ${described.join(" and ")}.` : "Showing every event."}</p>
      <EventList filter={filter} pageSize={AUDIT_PAGE_SIZE} served={{ filter: initialFilter, page: firstPage }} label="Audit events" />
    </>
  );
}
