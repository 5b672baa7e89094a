import type { Metadata } from "next";
import { Pagination, queryPageHref } from "@/components/ui/pagination";
import { requireRole } from "@/lib/auth/guards";
import { listAuditEntityTypes, listAuditEvents } from "@/lib/data/audit";
import { formatDateTime } from "@/lib/format";
import { auditFilterSchema } from "@/lib/validation/accounts";

export const metadata: Metadata = { title: "审计日志", robots: { index: false } };

// Filter choices by action family; the stored action names start with these prefixes.
const ACTION_CHOICES = [
  { value: "auth.", label: "登录" },
  { value: "auth.login_failed", label: "登录失败" },
  { value: "user.", label: "账号变更" },
  { value: "story.", label: "报道" },
  { value: "roundup.", label: "榜单" },
  { value: "media.", label: "媒体" },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const raw = await searchParams;
  const pick = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const filter = auditFilterSchema.parse({ q: pick("q"), action: pick("action"), entityType: pick("entityType"), from: pick("from"), to: pick("to"), page: pick("page") });
  const actor = await requireRole("ADMIN", "/admin/audit");
  const [{ rows, total, page, pageSize }, entityTypes] = await Promise.all([listAuditEvents(actor, filter), listAuditEntityTypes(actor)]);
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
            {ACTION_CHOICES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          对象类型
          <select name="entityType" defaultValue={filter.entityType ?? ""}>
            <option value="">全部类型</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
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
                <th scope="col" className="cell-nowrap">时间</th>
                <th scope="col" className="cell-nowrap">操作人</th>
                <th scope="col" className="cell-nowrap">操作</th>
                <th scope="col" className="cell-nowrap">对象</th>
                <th scope="col" className="cell-wide">摘要</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((event) => (
                <tr key={event.id}>
                  <td className="cell-nowrap">{formatDateTime(event.createdAt)}</td>
                  <td className="cell-person">
                    {event.actor ? (
                      <>
                        <span className="cell-nowrap">{event.actor.name}</span> <span className="muted">{event.actor.email}</span>
                      </>
                    ) : (
                      event.actorLabel || "系统"
                    )}
                  </td>
                  <td className="cell-nowrap">
                    <code>{event.action}</code>
                  </td>
                  <td className="cell-nowrap">
                    {event.entityType}
                    {event.entityId ? <span className="muted"> {event.entityId}</span> : null}
                  </td>
                  <td className="cell-wide">{event.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pageCount={Math.max(1, Math.ceil(total / pageSize))}
        total={total}
        hrefFor={queryPageHref("/admin/audit", { q: filter.q, action: filter.action, entityType: filter.entityType, from: filter.from, to: filter.to })}
      />
    </>
  );
}
