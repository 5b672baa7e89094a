// The page a reader gets when a ballot could not be stored (the database is away): 503, plain
// Chinese, never cached. Nothing was acknowledged, so nothing was lost; the back link keeps the form.
export function retryPage(slug: string): Response {
  const { body, ...init } = retryAnswer(slug);
  return new Response(body, init);
}

/** The retry page as plain parts, for the ballot's answer (lib/selection/ballot-post.ts), which the front door sends itself. */
export function retryAnswer(slug: string): { status: number; headers: Record<string, string>; body: string } {
  const back = `/selections/${encodeURIComponent(slug)}`;
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>请稍后重试 · Roundup 新闻</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}a{color:#0b5cad}</style></head>
<body><main><h1>请稍后重试</h1>
<p>服务器暂时无法保存你的选票，这次投票<strong>没有</strong>被记录。请稍等片刻，返回投票页重新提交。</p>
<p><a href="${back}">返回投票页</a></p></main></body></html>`;
  return { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Retry-After": "30" }, body: html };
}
