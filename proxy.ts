import { NextResponse, type NextRequest } from "next/server";
import { isSameSitePost } from "@/lib/action-origin";
import { cannotServeDuringOutage, outageResponse } from "@/lib/cache/outage";
import { getSiteUrl, getTrustProxy, isDevelopment } from "@/lib/env";
import { refuseHostileRequest } from "@/lib/request-guards";
import { REQUESTED_PATH_HEADER, contentSecurityPolicy, createNonce, usesNoncePolicy } from "@/lib/security-headers";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const STAFF_AREAS = ["/editor", "/admin"];

function isStaffArea(pathname: string): boolean {
  return STAFF_AREAS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Four jobs. (0) Refuse a post to a page (a Server Action call) that doesn't come from this site
// (lib/action-origin.ts). (0b) During a database outage, a public page with nothing cached answers
// 503 with Retry-After (lib/cache/outage.ts says why the page itself can't).
// (1) The Content-Security-Policy of every page (lib/security-headers.ts explains the two
// policies). (2) Comfort only: a visitor with no session cookie goes straight from /editor or /admin
// to /login, remembering the page they wanted. Whether a cookie is valid, and what its account may
// do, is decided in every layout, Server Action and data function, never here.
export function proxy(request: NextRequest) {
  // Addresses and bodies Next.js itself would answer with a 500 (lib/request-guards.ts).
  const refused = refuseHostileRequest(request);
  if (refused) return refused;
  const { pathname, search } = request.nextUrl;

  if (request.method !== "GET" && request.method !== "HEAD") {
    const sameSite = isSameSitePost({
      origin: request.headers.get("origin"),
      host: request.headers.get("host"),
      forwardedHost: request.headers.get("x-forwarded-host"),
      siteUrl: getSiteUrl(),
      trustProxy: getTrustProxy(),
    });
    if (!sameSite) return new NextResponse("跨站请求已拒绝。", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const options = { development: isDevelopment(), https: getSiteUrl().startsWith("https://") };

  if (cannotServeDuringOutage(request.method, pathname)) {
    const response = outageResponse();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy(options));
    return response;
  }

  if (isStaffArea(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  if (!usesNoncePolicy(pathname)) {
    const response = NextResponse.next();
    response.headers.set("Content-Security-Policy", contentSecurityPolicy(options));
    return response;
  }

  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders.
  const policy = contentSecurityPolicy({ ...options, nonce: createNonce() });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  // The page asked for, so a layout (which can't see the URL) can send the user back to it after sign-in.
  requestHeaders.set(REQUESTED_PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Every page, but not build assets, images or route handlers (they serve no HTML).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|api/).*)" }],
};
