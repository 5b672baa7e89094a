import { getSiteUrl } from "@/lib/env";

// The one rule for every post-sign-in destination (callbackUrl, returnTo, next-auth's redirect
// callback): a value counts as "this site" only if a browser would resolve it to this site's origin.
// String prefixes can't decide that: browsers drop tabs and line breaks inside a URL and read "\" as
// "/", so "/\t/evil.example" and "/\\evil.example" both leave the site, and a line break in a
// Location header is a 500. So the value is normalised the way a browser does, parsed against
// SITE_URL, and only the re-serialised path of a same-origin URL is ever handed back.

const MAX_LENGTH = 2048;

/** The same-site path (with query and fragment) that `value` leads to, or null when it leads anywhere else. */
function sameSitePath(value: string | null | undefined, siteUrl: string): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  const site = new URL(siteUrl);
  let url: URL;
  try {
    url = new URL(value.replace(/[\t\n\r]/g, "").replace(/\\/g, "/"), site);
  } catch {
    return null;
  }
  if (url.origin !== site.origin || url.username || url.password) return null;
  // "/.//evil.example" resolves to the path "//evil.example", which as a Location is another host.
  if (url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Where to send a user after sign-in: a same-site path, never the login page itself (it would loop). */
export function safeCallbackPath(value: string | null | undefined, fallback = "/editor", siteUrl = getSiteUrl()): string {
  const path = sameSitePath(value, siteUrl);
  if (!path || path === "/login" || /^\/login[/?#]/.test(path)) return fallback;
  return path;
}

/** next-auth's redirect callback: an absolute URL on this site (the home page when `value` leads elsewhere). */
export function safeRedirectUrl(value: string, baseUrl: string): string {
  return new URL(sameSitePath(value, baseUrl) ?? "/", baseUrl).toString();
}
