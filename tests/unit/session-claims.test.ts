import { decode, encode, type JWT } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { forgetVerifiedSessions, sessionClaimsOf } from "@/lib/auth/session-claims";

// The real decode, counted: a kept token must not be decrypted again.
vi.mock("next-auth/jwt", async (original) => {
  const real = await original<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});

const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const OTHER_SECRET = "another-secret-that-is-long-enough-987654321";

async function token(claims: Record<string, unknown>, maxAgeSeconds = 3600, secret = SECRET) {
  return encode({ token: claims as unknown as JWT, secret, maxAge: maxAgeSeconds });
}

describe("session claims of a cookie", () => {
  beforeEach(() => {
    forgetVerifiedSessions();
    vi.mocked(decode).mockClear();
  });

  it("reads the account, role and session version of a valid token, the first time and again", async () => {
    const t = await token({ uid: "user-1", role: "EDITOR", sv: 3 });
    expect(await sessionClaimsOf(t, SECRET)).toEqual({ id: "user-1", role: "EDITOR", sessionVersion: 3 });
    expect(await sessionClaimsOf(t, SECRET)).toEqual({ id: "user-1", role: "EDITOR", sessionVersion: 3 });
    expect(decode).toHaveBeenCalledTimes(1);
  });

  it("refuses a token once it has expired, though it was verified and kept before", async () => {
    const t = await token({ uid: "user-2", role: "JOURNALIST", sv: 0 }, 60);
    const now = Date.now();
    expect(await sessionClaimsOf(t, SECRET, now)).not.toBeNull();
    expect(await sessionClaimsOf(t, SECRET, now + 61_000)).toBeNull();
    // and stays refused (the kept copy is dropped, so it is decoded again and refused again)
    expect(await sessionClaimsOf(t, SECRET, now + 61_000)).toBeNull();
  });

  it("never serves a kept token under another secret", async () => {
    const t = await token({ uid: "user-3", role: "ADMIN", sv: 1 });
    expect(await sessionClaimsOf(t, SECRET)).not.toBeNull();
    expect(await sessionClaimsOf(t, OTHER_SECRET)).toBeNull();
  });

  it("refuses a token changed by one character, even after the genuine one was kept", async () => {
    const t = await token({ uid: "user-4", role: "EDITOR", sv: 2 });
    expect(await sessionClaimsOf(t, SECRET)).not.toBeNull();
    const i = t.length - 5;
    const tampered = t.slice(0, i) + (t[i] === "A" ? "B" : "A") + t.slice(i + 1);
    expect(await sessionClaimsOf(tampered, SECRET)).toBeNull();
  });

  it("refuses garbage, an empty string and tokens without the session's claims", async () => {
    expect(await sessionClaimsOf("not-a-token", SECRET)).toBeNull();
    expect(await sessionClaimsOf("", SECRET)).toBeNull();
    expect(await sessionClaimsOf("a.b.c.d.e\u0000", SECRET)).toBeNull();
    expect(await sessionClaimsOf(await token({ uid: "user-5", role: "EDITOR" }), SECRET)).toBeNull();
    expect(await sessionClaimsOf(await token({ uid: 5, role: "EDITOR", sv: 1 }), SECRET)).toBeNull();
  });
});
