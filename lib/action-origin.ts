// Which form posts may reach a Server Action. Next.js compares the Origin header with
// X-Forwarded-Host (falling back to Host), which any client can set, and lets a post with no Origin
// through. proxy.ts applies this stricter rule first, to every post to a page (actions are the only
// thing a page accepts a post for):
// - an Origin is required (browsers send one with every form post and fetch POST);
// - it must be this site: SITE_URL's origin, or the Host the request was sent to;
// - X-Forwarded-Host counts only with TRUST_PROXY=true (a proxy we run sets it).

export type PostOrigin = {
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
  siteUrl: string;
  trustProxy: boolean;
};

/** The answer to a post refused by isSameSitePost (403, plain text): proxy.ts and the ballot's fast path. */
export const CROSS_SITE_REFUSAL = "跨站请求已拒绝。";

/** A post's origin facts, read from its headers (lower-case names) and the site's settings. */
export function postOriginOf(header: (name: string) => string | null | undefined, siteUrl: string, trustProxy: boolean): PostOrigin {
  return { origin: header("origin") ?? null, host: header("host") ?? null, forwardedHost: header("x-forwarded-host") ?? null, siteUrl, trustProxy };
}

export function isSameSitePost({ origin, host, forwardedHost, siteUrl, trustProxy }: PostOrigin): boolean {
  if (!origin || origin === "null") return false;
  let from: URL;
  try {
    from = new URL(origin);
  } catch {
    return false;
  }
  if (from.protocol !== "http:" && from.protocol !== "https:") return false;
  if (from.origin === new URL(siteUrl).origin) return true;
  const hosts = [host, trustProxy ? forwardedHost?.split(",")[0]?.trim() : null].filter((value): value is string => !!value);
  return hosts.some((value) => value.toLowerCase() === from.host);
}
