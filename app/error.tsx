"use client";

import { useEffect, useState } from "react";

type Cause = "checking" | "database" | "other";

// Shown for unexpected failures: the reader sees a plain message, never the error itself. Production
// hides the error's text from the browser, so the page asks /api/health whether the database is the
// cause, and says so: staff then know to wait rather than report a bug.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const [cause, setCause] = useState<Cause>("checking");

  useEffect(() => {
    let active = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => response.json() as Promise<{ database?: string }>)
      .then((health) => active && setCause(health.database === "down" ? "database" : "other"))
      .catch(() => active && setCause("other"));
    return () => {
      active = false;
    };
  }, []);

  return (
    <main id="main" className="container">
      <h1>页面暂时无法显示</h1>
      {cause === "database" ? (
        <p role="alert">数据库暂时无法连接，我们正在恢复。请稍等片刻再重试；其他标签页中尚未保存的内容仍保留在浏览器里，恢复后再保存即可。</p>
      ) : (
        <p>服务器出了点问题，我们已记录。请稍后再试。</p>
      )}
      <button type="button" className="button" onClick={reset}>
        重试
      </button>
    </main>
  );
}
