import { describe, expect, it } from "vitest";
import { INBOX_COUNT_CAP, formatInboxCount } from "@/lib/editor/inbox-count";

describe("inbox badge counts", () => {
  it("shows exact counts below the cap and 99+ from it", () => {
    expect(formatInboxCount(1)).toBe("1");
    expect(formatInboxCount(INBOX_COUNT_CAP - 1)).toBe("99");
    expect(formatInboxCount(INBOX_COUNT_CAP)).toBe("99+");
  });
});
