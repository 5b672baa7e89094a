import type { Metadata } from "next";
import Link from "next/link";
import { Pagination, queryPageHref } from "@/components/ui/pagination";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/guards";
import { listAccounts } from "@/lib/data/users";
import { formatDateTime } from "@/lib/format";
import { accountFilterSchema } from "@/lib/validation/accounts";

export const metadata: Metadata = { title: "账号管理", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AccountsPage({ searchParams }: Props) {
  const raw = await searchParams;
  const filter = accountFilterSchema.parse({ q: first(raw.q), role: first(raw.role), active: first(raw.active), page: first(raw.page) });
  const { rows, total, page, pageSize } = await listAccounts(await requireRole("ADMIN", "/admin"), filter);
  return (
    <>
      <h1>账号管理</h1>
      <p>
        <Link className="button" href="/admin/accounts/new">
          新建账号
        </Link>
      </p>
      <form className="filters" method="get" role="search" aria-label="筛选账号">
        <label>
          搜索姓名或邮箱
          <input type="search" name="q" defaultValue={filter.q ?? ""} />
        </label>
        <label>
          角色
          <select name="role" defaultValue={filter.role ?? ""}>
            <option value="">全部角色</option>
            <option value="JOURNALIST">{ROLE_LABELS.JOURNALIST}</option>
            <option value="EDITOR">{ROLE_LABELS.EDITOR}</option>
            <option value="ADMIN">{ROLE_LABELS.ADMIN}</option>
          </select>
        </label>
        <label>
          状态
          <select name="active" defaultValue={filter.active ?? ""}>
            <option value="">全部状态</option>
            <option value="yes">启用</option>
            <option value="no">已停用</option>
          </select>
        </label>
        <button className="button button-secondary" type="submit">
          筛选
        </button>
      </form>
      {rows.length === 0 ? (
        <p>没有符合条件的账号。</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="muted">账号列表</caption>
            <thead>
              <tr>
                <th scope="col" className="cell-nowrap">姓名</th>
                <th scope="col">邮箱</th>
                <th scope="col" className="cell-nowrap">角色</th>
                <th scope="col" className="cell-nowrap">状态</th>
                <th scope="col" className="cell-nowrap">最近登录</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((user) => (
                <tr key={user.id}>
                  <td className="cell-nowrap">
                    <Link href={`/admin/accounts/${user.id}`}>{user.name}</Link>
                  </td>
                  <td className="cell-email">{user.email}</td>
                  <td className="cell-nowrap">{ROLE_LABELS[user.role]}</td>
                  <td className="cell-nowrap">
                    {user.active ? <span className="badge">启用</span> : <span className="badge badge-off">已停用</span>}
                    {user.mustChangePassword ? <span className="badge">待设密码</span> : null}
                  </td>
                  <td className="cell-nowrap">{user.lastLoginAt ? formatDateTime(user.lastLoginAt) : "从未登录"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={Math.max(1, Math.ceil(total / pageSize))} total={total} hrefFor={queryPageHref("/admin", { q: filter.q, role: filter.role, active: filter.active })} />
    </>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
