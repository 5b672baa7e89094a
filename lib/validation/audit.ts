import { z } from "zod";
import { AUDIT_EVENT_TYPES, AUDIT_FAMILIES, AUDIT_RECORD_TYPES } from "@/lib/audit-vocabulary";
import { queryText } from "@/lib/validation/text";

// The audit log's filters, from the page's address and the CSV export's. Free text is cleaned and
// never refused; a choice or date that can't be right is refused with a message saying which and
// why, so the admin never reads an unfiltered list as if it were filtered.

/** An empty field of a GET form arrives as ""; treat it as not given. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const familyChoices = AUDIT_FAMILIES.map((family) => `${family}.` as const);

const isoDay = (label: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .pipe(z.iso.date({ error: `${label}不是有效的日期，请按 2024-01-31 的格式填写。`, abort: true }))
      .refine((value) => value >= "1900-01-01" && value <= "2100-12-31", `${label}应在 1900 年到 2100 年之间。`)
      .optional(),
  );

export const auditFilterSchema = z
  .object({
    /** Words in the summary, the person's name or e-mail, or an exact record or account id. */
    q: queryText(200),
    /** Who did it: an account id. */
    actor: z.preprocess(blankToUndefined, z.string().trim().max(40, "操作人无效。").regex(/^[\w-]+$/, "操作人无效。").optional()),
    /** An event type ("story.publish") or a whole family ("story."). */
    action: z.preprocess(blankToUndefined, z.enum([...AUDIT_EVENT_TYPES, ...familyChoices], { error: "没有这种操作类型，请从列表中选择。" }).optional()),
    /** What it was about: a record type, and optionally a record by id or title words. */
    recordType: z.preprocess(blankToUndefined, z.enum(AUDIT_RECORD_TYPES, { error: "没有这种对象类型，请从列表中选择。" }).optional()),
    record: queryText(200),
    from: isoDay("起始日期"),
    to: isoDay("截止日期"),
    page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { path: ["to"], message: "截止日期不能早于起始日期。" });

export type AuditFilterInput = z.output<typeof auditFilterSchema>;
/** Data functions take any subset of the filters; only the page number is always known. */
export type AuditFilter = Partial<Omit<AuditFilterInput, "page">> & { page: number };

/** The filter fields, read from a URL's search parameters (first value of each). */
export function auditFilterFields(read: (key: string) => string | undefined) {
  return {
    q: read("q"),
    actor: read("actor"),
    action: read("action"),
    recordType: read("recordType"),
    record: read("record"),
    from: read("from"),
    to: read("to"),
    page: read("page"),
  };
}

/** The filter as query parameters (no page), for links to other pages and to the CSV export. */
export function auditFilterQuery(filter: Partial<AuditFilterInput>): Record<string, string | undefined> {
  return { q: filter.q, actor: filter.actor, action: filter.action, recordType: filter.recordType, record: filter.record, from: filter.from, to: filter.to };
}
