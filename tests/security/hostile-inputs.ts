// The hostile-input tables: one list of bad values, spread over every public route, every staff page
// with a filter or an id in its address (e2e/hostile-routes.spec.ts) and every Server Action
// (tests/security/action-fuzz.test.ts). Rule: no input of any shape yields a 5xx or a generic error,
// and nothing is written.

/** Bad path segments, as typed into the address bar (already URL text: "%00" is a NUL byte). */
export const BAD_SEGMENTS: readonly string[] = [
  "a%00b",
  "%00",
  "%",
  "%FF",
  "%E4%B8",
  "%ZZ",
  "a%0Ab",
  "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
  "x".repeat(3000),
  "%F0%9F%99%82",
  "%E2%80%AE",
  "2147483648",
  "-1",
  "%3Cscript%3E",
];

/** Bad query-string values, as URL text. */
export const BAD_QUERY_VALUES: readonly string[] = [
  "a%00b",
  "%00",
  "%",
  "%FF",
  "%E4%B8",
  "y".repeat(5000),
  "2147483648",
  "-1",
  "1e309",
  "NaN",
  "%0A%0D",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
];

/** Public routes with a dynamic segment: BAD_SEGMENTS replace ":x". */
export const PUBLIC_SEGMENT_ROUTES: readonly string[] = [
  "/stories/:x",
  "/roundups/:x",
  "/sections/:x",
  "/sections/:x/page/2",
  "/sections/local/page/:x",
  "/tags/:x",
  "/tags/:x/page/2",
  "/media/:x",
  "/media/2026/:x",
  "/invite/:x",
];

/** Public routes with query parameters: BAD_QUERY_VALUES replace ":x". */
export const PUBLIC_QUERY_ROUTES: readonly string[] = ["/search?q=:x", "/search?q=%E7%B2%AE%E9%A3%9F&page=:x", "/?page=:x", "/roundups?year=:x"];

/** Staff pages (visited as an admin): ids and filters from the address. */
export const STAFF_SEGMENT_ROUTES: readonly string[] = [
  "/admin/accounts/:x",
  "/editor/stories/:x",
  "/editor/stories/:x/history",
  "/editor/stories/:x/preview",
  "/editor/roundups/:x",
];

export const STAFF_QUERY_ROUTES: readonly string[] = [
  "/admin?q=:x",
  "/admin?role=:x&active=:x&page=:x",
  "/admin/audit?q=:x",
  "/admin/audit?action=:x&recordType=:x&actor=:x&record=:x",
  "/admin/audit/export?from=:x&action=:x&actor=:x",
  "/admin/audit?from=:x&to=:x&page=:x",
  "/editor/stories?q=:x",
  "/editor/stories?status=:x&section=:x&author=:x",
  "/editor/stories?after=:x",
  "/editor/roundups?q=:x",
  "/editor/roundups/none?q=:x",
  "/editor/media?q=:x",
];

/** Every route × every bad value, as URL text. */
export function expand(routes: readonly string[], values: readonly string[]): string[] {
  return routes.flatMap((route) => values.map((value) => route.replaceAll(":x", value)));
}

/** Bad values for a Server Action's text fields. */
export const BAD_FIELD_VALUES: readonly (string | (() => File))[] = [
  "a\u0000b",
  "\u0000",
  "",
  " ",
  "x".repeat(300_000),
  "2147483648",
  "-1",
  "1e309",
  "NaN",
  "\uD800",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "unknown-id-\u4e0d\u5b58\u5728",
  () => new File([new Uint8Array([0, 1, 2, 3])], "x.bin", { type: "application/octet-stream" }),
];
