import Link from "next/link";

/** Previous/next links that keep the current filters; plain links, so they work without JavaScript. */
export function Pagination({ basePath, params, page, pageSize, total }: { basePath: string; params: Record<string, string | undefined>; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (target: number) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set("page", String(target));
    return `${basePath}?${query.toString()}`;
  };
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? <Link href={href(page - 1)}>上一页</Link> : null}
      <span>
        第 {Math.min(page, pages)} / {pages} 页，共 {total} 条
      </span>
      {page < pages ? <Link href={href(page + 1)}>下一页</Link> : null}
    </nav>
  );
}
