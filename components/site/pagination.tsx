
/** Previous/next page links with the current position; `hrefFor` builds each page's URL. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          ← 上一页
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        第 {page} / {pageCount} 页
      </span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          下一页 →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
