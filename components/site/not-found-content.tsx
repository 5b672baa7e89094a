/** What a reader sees for an address with nothing behind it (unknown URL or unpublished content). */
export function NotFoundContent() {
  return (
    <>
      <h1>找不到这个页面</h1>
      <p>链接可能已失效，或内容尚未发布。</p>
      <p>
        <a href="/">返回首页</a> · <a href="/search">搜索报道</a>
      </p>
    </>
  );
}
