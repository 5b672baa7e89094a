import type { Metadata } from "next";
import { Pagination } from "@/components/accounts/pagination";
import { requireRole } from "@/lib/auth/guards";
import { AUDIT_FAMILIES, AUDIT_FAMILY_LABELS, AUDIT_RECORD_LABELS, AUDIT_RECORD_TYPES, auditEventLabel, auditEventTypesOf, auditRecordLabel } from "@/lib/audit-vocabulary";
import { listAuditEvents } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";
import { auditFilterSchema } from "@/lib/validation/accounts";

export const metadata: Metadata = { title: "审计日志", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const raw = await searchParams;
  const pick = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const filter = auditFilterSchema.parse({ q: pick("q"), action: pick("action"), entityType: pick("entityType"), from: pick("from"), to: pick("to"), page: pick("page") });
  const actor = await requireRole("ADMIN", "/admin/audit");
  const { rows, total, page, pageSize } = await listAuditEvents(actor, filter);
  return (
    <>
      <h1>审计日志</h1>
      <form className="filters" method="get" role="search" aria-label="筛选审计记录">
        <label>
          搜索（人、摘要或记录编号）
          <input type="search" name="q" defaultValue={filter.q ?? ""} />
        </label>
        <label>
          操作
          <select name="action" defaultValue={filter.action ?? ""}>
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
          <select name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">全部类型</option>
            {AUDIT_RECORD_TYPES.map((type) => (
              <option key={type} value={type}>
                {AUDIT_RECORD_LABELS[type]}
              </option>
            ))}
          </select>
        </label>
        <label>
          起始日期
          <input type="date" name="from" defaultValue={filter.from ?? ""} />
        </label>
        <label>
          截止日期
          <input type="date" name="to" defaultValue={filter.to ?? ""} />
        </label>
        <button className="button button-secondary" type="submit">
          筛选
        </button>
      </form>
      {rows.length === 0 ? (
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
              {rows.map((event) => (
                <tr key={event.id}>
                  <td>{formatDateTime(event.createdAt)}</td>
                  <td>{event.actor ? `${event.actor.name}（${event.actor.email}）` : event.actorLabel || "系统"}</td>
                  <td>{auditEventLabel(event.action)}</td>
                  <td>
                    {auditRecordLabel(event.entityType)}
                    {event.entityId ? <span className="muted"> {event.entityId}</span> : null}
                  </td>
                  <td>{event.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        basePath="/admin/audit"
        params={{ q: filter.q, action: filter.action, entityType: filter.entityType, from: filter.from, to: filter.to }}
        page={page}
        pageSize={pageSize}
        total={total}
      />
    </>
  );
}
