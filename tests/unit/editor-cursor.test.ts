import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/editor/cursor";
import { moveItem } from "@/lib/editor/reorder";

describe("story list cursor", () => {
  it("round-trips the last row's time and id, and rejects garbage", () => {
    const row = { updatedAt: new Date("2024-05-01T08:30:00.123Z"), id: "cabc123" };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});

describe("roundup reorder", () => {
  it("moves one item and keeps the others in order", () => {
    expect(moveItem(["甲", "乙", "丙", "丁"], 0, 2)).toEqual(["乙", "丙", "甲", "丁"]);
    expect(moveItem(["甲", "乙", "丙"], 2, 1)).toEqual(["甲", "丙", "乙"]);
    expect(moveItem(["甲", "乙"], 0, -1)).toEqual(["甲", "乙"]);
  });
});
