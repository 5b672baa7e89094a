
type Props = {
  page: number;
  pageCount: number;
  /** The address of a page, keeping the list's filters. */
  hrefFor: (page: number) => string;
  /** Rows in the whole list, when the page says how many there are. */
  total?: number;
};

/**
 * Previous/next links around the current position: plain links, so they work without JavaScript and
 * reader pages (which share this component) carry no client router code or prefetches.
 */
export function Pagination({ page, pageCount, hrefFor, total }: Props) {
  if (pageCount <= 1 && total === undefined) return null;
  const current = Math.min(page, pageCount);
  return (
    <nav className="pagination" aria-label="分页">
      {current > 1 ? (
        <a href={hrefFor(current - 1)} rel="prev">
          ← 上一页
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        第 {current} / {pageCount} 页{total !== undefined ? `，共 ${total} 条` : ""}
      </span>
      {current < pageCount ? (
        <a href={hrefFor(current + 1)} rel="next">
          下一页 →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** hrefFor for a list whose page is a query parameter beside its filters (staff lists). */
export function queryPageHref(basePath: string, params: Record<string, string | undefined>): (page: number) => string {
  return (page) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    query.set("page", String(page));
    return `${basePath}?${query.toString()}`;
  };
}
