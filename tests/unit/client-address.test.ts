import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/auth/client-address";

describe("the client address used for throttling", () => {
  it("without TRUST_PROXY: the header as Next.js left it (the connection's own address for an ordinary client)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), false)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, false)).toBe("203.0.113.9");
    expect(clientAddress(new Headers(), false)).toBe("unknown");
    expect(clientAddress(undefined, false)).toBe("unknown");
  });

  it("with TRUST_PROXY: the last entry, the one our proxy appended; what the client invented before it is ignored", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" }), true)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": ["1.2.3.4", "203.0.113.9"] }, true)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": " 203.0.113.9 " }), true)).toBe("203.0.113.9");
  });

  it("keeps an invented header short", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "9".repeat(5000) }), false)).toHaveLength(100);
  });
});
