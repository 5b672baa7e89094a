import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "@/scripts/lib/auth-secret";
import { StartupError } from "@/scripts/lib/log";

const saved = process.env.AUTH_SECRET;
afterEach(() => {
  if (saved === undefined) delete process.env.AUTH_SECRET;
  else process.env.AUTH_SECRET = saved;
});

describe("AUTH_SECRET at start-up", () => {
  it("is required, with a clear message, when the app runs on an external database", () => {
    delete process.env.AUTH_SECRET;
    expect(() => resolveAuthSecret(false)).toThrow(StartupError);
    expect(() => resolveAuthSecret(false)).toThrow(/必须设置 AUTH_SECRET/);
  });

  it("rejects a secret shorter than 32 characters", () => {
    process.env.AUTH_SECRET = "too-short";
    expect(() => resolveAuthSecret(true)).toThrow(/AUTH_SECRET 太短/);
  });

  it("accepts a long enough secret as given", () => {
    process.env.AUTH_SECRET = "x".repeat(40);
    expect(resolveAuthSecret(false)).toBe("x".repeat(40));
  });
});
