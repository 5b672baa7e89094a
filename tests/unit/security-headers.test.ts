import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, usesNoncePolicy } from "@/lib/security-headers";

describe("content security policy", () => {
  it("gives staff and sign-in pages the nonce policy, and public pages the static one", () => {
    for (const path of ["/editor", "/editor/account", "/admin", "/admin/audit", "/login", "/change-password", "/invite/abc"]) expect(usesNoncePolicy(path)).toBe(true);
    for (const path of ["/", "/stories/x", "/roundups", "/editorial-policy", "/administrators", "/feed.xml"]) expect(usesNoncePolicy(path)).toBe(false);
  });

  it("allows only nonce-carrying scripts with a nonce, and never eval in production", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==" });
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic';");
    expect(policy).not.toContain("unsafe-inline' 'strict");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy({ development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ https: true })).toContain("upgrade-insecure-requests");
  });

  it("makes a fresh nonce each time, in the alphabet Next.js reads nonces in", () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
