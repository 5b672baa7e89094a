import { describe, expect, it } from "vitest";
import { withoutNextRuntime } from "@/lib/cache/reader-html.mjs";

// The shape of a page as Next 16 renders it: runtime chunks, a polyfill, the bootstrap, the inline
// React payload, a preload of a script, and the page's own structured data and stylesheet.
const page = [
  '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="preload" as="image" href="/media/lead-960.webp"/>',
  '<script src="/_next/static/chunks/main.js" async=""></script>',
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
  '<script src="/reader.js" async=""></script>',
  "</head><body><main><h1>吉林粮食产量</h1>",
  '<script type="application/ld+json">{"headline":"\\u003c/script>粮食"}</script>',
  "<p>正文</p></main>",
  '<script id="_R_">self.__next_r="abc"</script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script>self.__next_f.push([1,"1:I[\\"x\\"]\\n"])</script>',
  "</body></html>",
].join("");

describe("reader pages without Next's runtime", () => {
  it("drops Next's scripts, their preloads and the inline payload", () => {
    const lean = withoutNextRuntime(page);
    expect(lean).not.toContain("/_next/static/chunks/main.js");
    expect(lean).not.toContain("polyfills.js");
    expect(lean).not.toContain("webpack.js");
    expect(lean).not.toContain("__next_f");
    expect(lean).not.toContain("__next_r");
    expect(lean.length).toBeLessThan(page.length);
  });

  it("keeps the text, the stylesheet, image preloads, structured data and the site's own script", () => {
    const lean = withoutNextRuntime(page);
    expect(lean).toContain("<h1>吉林粮食产量</h1>");
    expect(lean).toContain("<p>正文</p>");
    expect(lean).toContain('href="/_next/static/chunks/site.css"');
    expect(lean).toContain('<link rel="preload" as="image" href="/media/lead-960.webp"/>');
    expect(lean).toContain('<script type="application/ld+json">{"headline":"\\u003c/script>粮食"}</script>');
    expect(lean).toContain('<script src="/reader.js" async=""></script>');
    expect(lean.endsWith("</body></html>")).toBe(true);
  });

  it("leaves a page alone when part of it still waits for React to move streamed markup into place", () => {
    const streamed = page.replace("<p>正文</p>", '<template id="B:0"></template><div hidden id="S:0"><p>正文</p></div><script>$RC("B:0","S:0")</script>');
    expect(withoutNextRuntime(streamed)).toBe(streamed);
  });

  it("is idempotent", () => {
    const lean = withoutNextRuntime(page);
    expect(withoutNextRuntime(lean)).toBe(lean);
  });
});
