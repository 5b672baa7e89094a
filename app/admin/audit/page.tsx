import type { Metadata } from "next";
import Link from "next/link";
import { Pagination } from "@/components/accounts/pagination";
import { AUDIT_FAMILIES, AUDIT_FAMILY_LABELS, AUDIT_RECORD_LABELS, AUDIT_RECORD_TYPES, auditEventLabel, auditEventTypesOf } from "@/lib/audit-vocabulary";
import { requireRole } from "@/lib/auth/guards";
import { listAuditEvents, listAuditPeople, type AuditRow } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";
import { auditFilterFields, auditFilterQuery, auditFilterSchema } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "审计日志", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queryString(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  return query.toString();
}

function Person({ event }: { event: AuditRow }) {
  if (!event.actor) return <>{event.actorLabel || "系统"}</>;
  return (
    <>
      <Link href={`/admin/accounts/${event.actor.id}`}>{event.actor.name}</Link>
      <br />
      <span className="muted">{event.actor.email}</span>
    </>
  );
}

function RecordCell({ event }: { event: AuditRow }) {
  const { record } = event;
  return (
    <>
      <span className="muted">{record.typeLabel}</span>{" "}
      {record.removed ? <span className="badge badge-off">已删除</span> : record.href && record.title ? <Link href={record.href}>{record.title}</Link> : record.title}
    </>
  );
}

export default async function AuditPage({ searchParams }: Props) {
  const raw = await searchParams;
  const pick = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const actor = await requireRole("ADMIN", "/admin/audit");
  const fields = auditFilterFields(pick);
  const parsed = auditFilterSchema.safeParse(fields);
  const people = await listAuditPeople(actor);
  const result = parsed.success ? await listAuditEvents(actor, parsed.data) : null;
  // The form shows what was asked for, even when part of it was refused.
  const shown = parsed.success ? auditFilterQuery(parsed.data) : fields;
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const exportQuery = parsed.success ? queryString(auditFilterQuery(parsed.data)) : "";

  return (
    <>
      <h1>审计日志</h1>
      <form className="filters" method="get" role="search" aria-label="筛选审计记录" aria-describedby={problems.length ? "audit-filter-error" : undefined}>
        <label>
          操作人
          <select name="actor" defaultValue={shown.actor ?? ""}>
            <option value="">所有人</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}（{person.email}）
              </option>
            ))}
          </select>
        </label>
        <label>
          操作
          <select name="action" defaultValue={shown.action ?? ""}>
            <option value="">全部操作</option>
            {AUDIT_FAMILIES.map((family) => (
              <optgroup key={family} label={AUDIT_FAMILY_LABELS[family]}>
                <option value={`${family}.`}>全部{AUDIT_FAMILY_LABELS[family]}操作</option>
                {auditEventTypesOf(family).map((type) => (
                  <option key={type} value={type}>
                    {auditEventLabel(type)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          对象类型
          <select name="recordType" defaultValue={shown.recordType ?? ""}>
            <option value="">全部类型</option>
            {AUDIT_RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {AUDIT_RECORD_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          对象（标题或编号）
          <input type="search" name="record" defaultValue={shown.record ?? ""} />
        </label>
        <label>
          起始日期
          <input type="date" name="from" defaultValue={shown.from ?? ""} aria-invalid={!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === "from")} />
        </label>
        <label>
          截止日期
          <input type="date" name="to" defaultValue={shown.to ?? ""} aria-invalid={!parsed.success && parsed.error.issues.some((issue) => issue.path[0] === "to")} />
        </label>
        <label>
          搜索（摘要、人名或邮箱）
          <input type="search" name="q" defaultValue={shown.q ?? ""} />
        </label>
        <button className="button button-secondary" type="submit">
          筛选
        </button>
        <Link href="/admin/audit">清除筛选</Link>
      </form>

      {problems.length > 0 ? (
        <div id="audit-filter-error" className="form-error" role="alert">
          <p>筛选条件有误，请改正后再筛选：</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {result ? (
        <>
          <p>
            <a href={`/admin/audit/export${exportQuery ? `?${exportQuery}` : ""}`} download>
              导出为 CSV（当前筛选的全部 {result.total} 条）
            </a>
          </p>
          {result.rows.length === 0 ? (
            <p>没有符合条件的记录。</p>
          ) : (
            <div className="table-wrap">
              <table className="data-table">
                <caption className="muted">最新的记录在前</caption>
                <thead>
                  <tr>
                    <th scope="col">时间</th>
                    <th scope="col">操作人</th>
                    <th scope="col">操作</th>
                    <th scope="col">对象</th>
                    <th scope="col">摘要</th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((event) => (
                    <tr key={event.id}>
                      <td>{formatDateTime(event.createdAt)}</td>
                      <td>
                        <Person event={event} />
                      </td>
                      <td>{event.typeLabel}</td>
                      <td>
                        <RecordCell event={event} />
                      </td>
                      <td>{event.summary}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination basePath="/admin/audit" params={auditFilterQuery(parsed.success ? parsed.data : {})} page={result.page} pageSize={result.pageSize} total={result.total} />
        </>
      ) : null}
    </>
  );
}
