import { NextResponse, type NextRequest } from "next/server";
import { CROSS_SITE_REFUSAL, isSameSitePost, postOriginOf } from "@/lib/action-origin";
import { getSiteUrl, getTrustProxy, isDevelopment } from "@/lib/env";
import { REQUESTED_PATH_HEADER, contentSecurityPolicy, createNonce, usesNoncePolicy } from "@/lib/security-headers";
import { VOTER_COOKIE, newVoterCookie, readVoterCookie, voterSetCookie } from "@/lib/selection/tokens";

const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
const STAFF_AREAS = ["/editor", "/admin"];
const VOTING_PAGE = /^\/selections\/[^/]+\/?$/;

function isStaffArea(pathname: string): boolean {
  return STAFF_AREAS.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Runs only where it has work (see `config.matcher`): never on a reader's GET of a public page, whose
// policy is a constant header from next.config.js. Three jobs. (1) Refuse a post to a page (a Server
// Action call) that doesn't come from this site (lib/action-origin.ts). (2) The per-request nonce
// policy of staff and sign-in pages (lib/security-headers.ts explains the two policies). (3) Comfort
// only: a visitor with no session cookie goes straight from /editor or /admin to /login, remembering
// the page they wanted. Whether a cookie is valid, and what its account may do, is decided in every
// layout, Server Action and data function, never here.
// Malformed addresses, oversize action bodies and the outage 503 are answered before Next.js sees
// the request, for every path, by the server's front door (lib/server/front-door.mjs).
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;

  if (request.method !== "GET" && request.method !== "HEAD") {
    const sameSite = isSameSitePost(postOriginOf((name) => request.headers.get(name), getSiteUrl(), getTrustProxy()));
    if (!sameSite) return new NextResponse(CROSS_SITE_REFUSAL, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }

  if (isStaffArea(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }

  // (4) A voting page gives the browser a signed voter cookie (one ballot per cookie; a ballot that
  // arrives without one is counted but flagged). A forged one is replaced, so its reader can vote.
  if (request.method === "GET" && VOTING_PAGE.test(pathname)) {
    const voter = readVoterCookie(request.cookies.get(VOTER_COOKIE)?.value);
    if (voter === null || voter === "forged") {
      const response = NextResponse.next();
      response.headers.append("Set-Cookie", voterSetCookie(newVoterCookie(), getSiteUrl().startsWith("https://")));
      return response;
    }
  }

  if (!usesNoncePolicy(pathname)) return NextResponse.next();

  // Next.js reads the nonce from the request's CSP header and puts it on every script it renders.
  const options = { development: isDevelopment(), https: getSiteUrl().startsWith("https://") };
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
  matcher: [
    // Staff and sign-in pages: the nonce policy, and the sign-in redirect.
    "/editor/:path*",
    "/admin/:path*",
    "/login",
    "/change-password",
    "/two-factor",
    "/invite/:path*",
    // Voting pages: the voter cookie.
    "/selections/:slug",
    // Anything that may be a Server Action call, on any page. A matcher can't test the method, so it
    // tests what every such request carries: browsers send Origin with every post (and a form post
    // without script has a Content-Type); script calls add Next-Action. A request with none of them
    // can't name an action, and a public page answers it like a GET.
    // (Pages only: build assets, images and route handlers take no actions. The matcher must be literal.)
    { source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", has: [{ type: "header", key: "next-action" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", has: [{ type: "header", key: "origin" }] },
    { source: "/((?!_next/static|_next/image|favicon.ico|api/).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
