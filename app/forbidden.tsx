// Plain link: this boundary travels in every page's React payload, public ones included, and
// next/link would load the client router's link code on each of them.
export default function Forbidden() {
  return (
    <main id="main" className="container">
      <h1>没有权限</h1>
      <p>你的账号无权访问这个页面。如需权限，请联系管理员。</p>
      <p>
        <a href="/editor">返回编辑部</a>
      </p>
    </main>
  );
}
