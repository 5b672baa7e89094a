import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "@/lib/safe-redirect";

// Hostile table for issue 9 item 1: every value a sign-in link could carry as callbackUrl. A value
// "escapes" when the path we hand back would take a browser to another origin. Browsers resolve a
// Location header against the current page after dropping tabs/CR/LF and reading "\" as "/", so
// the check resolves our answer the same way, independently of the code under test.

const SITE = "http://news.example:3000";
const FALLBACK = "/editor";

/** Where a browser would go if we put `path` in a Location header or router.replace(path). */
function browserDestination(path: string): URL {
  return new URL(path.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), SITE);
}

// value → the path it must come back as (FALLBACK when it must be refused).
const TABLE: [string, string][] = [
  // the reported holes
  ["/\t/evil.example/x", FALLBACK],
  ["/\n/evil.example/x", FALLBACK],
  ["/\r\n/evil.example/x", FALLBACK],
  ["\t//evil.example", FALLBACK],
  // backslashes
  ["/\\evil.example", FALLBACK],
  ["\\\\evil.example", FALLBACK],
  ["/\\/evil.example", FALLBACK],
  ["\\/evil.example", FALLBACK],
  // scheme-relative and absolute
  ["//evil.example", FALLBACK],
  ["///evil.example", FALLBACK],
  ["https://evil.example/editor", FALLBACK],
  ["http:evil.example", "/evil.example"],
  ["https:evil.example", FALLBACK],
  ["HTTP://EVIL.EXAMPLE", FALLBACK],
  ["  //evil.example", FALLBACK],
  ["\u0000//evil.example", FALLBACK],
  // dot segments that collapse into "//"
  ["/.//evil.example", FALLBACK],
  ["/a/..//evil.example", FALLBACK],
  // other schemes
  ["javascript:alert(1)", FALLBACK],
  ["JaVaScRiPt:alert(1)", FALLBACK],
  ["java\tscript:alert(1)", FALLBACK],
  ["data:text/html,<script>alert(1)</script>", FALLBACK],
  ["vbscript:msgbox(1)", FALLBACK],
  // same host, other port or scheme, userinfo
  ["http://news.example:3001/editor", FALLBACK],
  ["https://news.example:3000/editor", FALLBACK],
  ["http://news.example:3000@evil.example/", FALLBACK],
  ["http://user:pass@news.example:3000/editor", FALLBACK],
  ["//news.example:3000@evil.example", FALLBACK],
  ["http://news.example:3000.evil.example/", FALLBACK],
  // encoded forms stay encoded paths on this site
  ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/%2Fevil.example", "/%2Fevil.example"],
  ["/%5Cevil.example", "/%5Cevil.example"],
  ["%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["/%09/evil.example", "/%09/evil.example"],
  ["/editor%0d%0aSet-Cookie:x=1", "/editor%0d%0aSet-Cookie:x=1"],
  // the login page itself would loop
  ["/login", FALLBACK],
  ["/login?callbackUrl=%2Feditor", FALLBACK],
  ["/\\login", FALLBACK],
  // honest destinations
  ["/editor", "/editor"],
  ["/admin/audit?action=auth.", "/admin/audit?action=auth."],
  ["/editor/stories/abc#body", "/editor/stories/abc#body"],
  ["http://news.example:3000/admin", "/admin"],
  ["/loginx", "/loginx"],
  ["/editor/中文", "/editor/%E4%B8%AD%E6%96%87"],
  ["", FALLBACK],
  ["x".repeat(5000), FALLBACK],
];

describe("post-sign-in destinations (hostile table)", () => {
  it.each(TABLE)("%j → %j", (value, expected) => {
    const path = safeCallbackPath(value, FALLBACK, SITE);
    expect(path).toBe(expected);
    // Whatever came back, a browser following it stays on the site.
    expect(browserDestination(path).origin).toBe(new URL(SITE).origin);
    // And it is safe to put in a Location header (no control characters: the newline 500).
    expect(path).not.toMatch(/[\u0000-\u001f\u007f]/);
  });

  it("reports its figures", () => {
    const escaped = TABLE.filter(([value]) => browserDestination(safeCallbackPath(value, FALLBACK, SITE)).origin !== new URL(SITE).origin);
    console.info(`[hostile] redirect values tried: ${TABLE.length}, escaped: ${escaped.length}`);
    expect(TABLE.length).toBeGreaterThanOrEqual(20);
    expect(escaped).toEqual([]);
  });

  it("gives next-auth's redirect callback an absolute URL on the site, home for anything else", () => {
    expect(safeRedirectUrl("/login", SITE)).toBe(`${SITE}/login`);
    expect(safeRedirectUrl(`${SITE}/editor`, SITE)).toBe(`${SITE}/editor`);
    expect(safeRedirectUrl("http://news.example:3000.evil.example/", SITE)).toBe(`${SITE}/`);
    expect(safeRedirectUrl("/\t/evil.example", SITE)).toBe(`${SITE}/`);
  });
});
