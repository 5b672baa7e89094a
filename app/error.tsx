"use client";

// Shown for unexpected failures: the reader sees a plain message, never the error itself.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="container">
      <h1>页面暂时无法显示</h1>
      <p>服务器出了点问题，我们已记录。请稍后再试。</p>
      <button type="button" className="button" onClick={reset}>
        重试
      </button>
    </main>
  );
}
