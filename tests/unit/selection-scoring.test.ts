import { describe, expect, it } from "vitest";
import { combinedScore, juryMean, juryPart, readerPart, scoreSelection, type ScoringCandidate } from "@/lib/selection/scoring";
import { windowState } from "@/lib/selection/window";

const candidate = (id: string, position: number, ballots: number, juryScores: number[] = []): ScoringCandidate => ({ id, position, ballots, juryScores });

describe("the parts of a candidate's score", () => {
  it("gives the readers' favourite 100 and the others their share of its ballots", () => {
    expect(readerPart(50, 200)).toBe(25);
    expect(readerPart(200, 200)).toBe(100);
    expect(readerPart(0, 0)).toBe(0);
  });

  it("puts the jury's mean on the same 0–100 scale, and an unscored candidate at 0", () => {
    expect(juryMean([7, 8])).toBe(7.5);
    expect(juryPart(7.5)).toBe(75);
    expect(juryMean([])).toBeNull();
    expect(juryPart(null)).toBe(0);
  });

  it("weights the two parts", () => {
    expect(combinedScore(100, 50, 40)).toBe(70);
    expect(combinedScore(100, 50, 100)).toBe(100);
    expect(combinedScore(100, 50, 0)).toBe(50);
  });
});

describe("scoreSelection", () => {
  it("orders by the weighted combination, showing each step", () => {
    const result = scoreSelection([candidate("a", 1, 100, [5]), candidate("b", 2, 50, [10]), candidate("c", 3, 0, [])], { readerWeight: 40, tieBreak: "JURY_FIRST" });
    // a: 0.4×100 + 0.6×50 = 70; b: 0.4×50 + 0.6×100 = 80; c: 0.
    expect(result.map((row) => [row.id, row.rank, row.combined])).toEqual([
      ["b", 1, 80],
      ["a", 2, 70],
      ["c", 3, 0],
    ]);
    expect(result[0]).toMatchObject({ readerPart: 50, juryPart: 100, juryMean: 10, juryCount: 1, tiedWith: [], decidedBy: "score" });
    expect(result[2]).toMatchObject({ juryMean: null, juryCount: 0 });
  });

  it("lets the weights change the winner", () => {
    const input = [candidate("popular", 1, 100, [4]), candidate("expert", 2, 40, [9])];
    expect(scoreSelection(input, { readerWeight: 80, tieBreak: "JURY_FIRST" })[0]?.id).toBe("popular");
    expect(scoreSelection(input, { readerWeight: 20, tieBreak: "JURY_FIRST" })[0]?.id).toBe("expert");
  });

  it("breaks a tie by the jury first, and flags both candidates", () => {
    // x: 0.5×100 + 0.5×60 = 80; y: 0.5×80 + 0.5×80 = 80.
    const input = [candidate("x", 1, 100, [6]), candidate("y", 2, 80, [8])];
    const result = scoreSelection(input, { readerWeight: 50, tieBreak: "JURY_FIRST" });
    expect(result.map((row) => row.id)).toEqual(["y", "x"]);
    expect(result[0]).toMatchObject({ tiedWith: ["x"], decidedBy: "jury" });
    expect(result[1]).toMatchObject({ tiedWith: ["y"], decidedBy: "jury" });
  });

  it("breaks the same tie by ballots first under that rule", () => {
    const input = [candidate("x", 1, 100, [6]), candidate("y", 2, 80, [8])];
    const result = scoreSelection(input, { readerWeight: 50, tieBreak: "BALLOTS_FIRST" });
    expect(result.map((row) => row.id)).toEqual(["x", "y"]);
    expect(result[0]?.decidedBy).toBe("ballots");
  });

  it("falls back to the editor's order when the rule says so or nothing else separates", () => {
    const twins = [candidate("later", 2, 10, [7]), candidate("earlier", 1, 10, [7])];
    for (const tieBreak of ["JURY_FIRST", "BALLOTS_FIRST", "CANDIDATE_ORDER"] as const) {
      const result = scoreSelection(twins, { readerWeight: 40, tieBreak });
      expect(result.map((row) => row.id)).toEqual(["earlier", "later"]);
      expect(result[0]).toMatchObject({ tiedWith: ["later"], decidedBy: "position" });
    }
  });

  it("does not split a real tie over floating-point noise", () => {
    // Exactly 39.52 each: p = 0.04×4 + 0.96×41 and q = 0.04×100 + 0.96×37; in floats p is 39.519999999999996.
    const p = candidate("p", 1, 1, [5, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const q = candidate("q", 2, 25, [4, 4, 4, 4, 4, 4, 4, 3, 3, 3]);
    const result = scoreSelection([p, q], { readerWeight: 4, tieBreak: "BALLOTS_FIRST" });
    expect(result.map((row) => row.id)).toEqual(["q", "p"]);
    expect(result[0]).toMatchObject({ tiedWith: ["p"], decidedBy: "ballots" });
  });

  it("scores a selection nobody voted in by the jury alone, all unscored ones tied at 0", () => {
    const result = scoreSelection([candidate("a", 1, 0), candidate("b", 2, 0, [3]), candidate("c", 3, 0)], { readerWeight: 40, tieBreak: "JURY_FIRST" });
    expect(result.map((row) => row.id)).toEqual(["b", "a", "c"]);
    expect(result[1]).toMatchObject({ combined: 0, tiedWith: ["c"], decidedBy: "position" });
  });

  it("refuses a weight outside 0–100", () => {
    expect(() => scoreSelection([], { readerWeight: 101, tieBreak: "JURY_FIRST" })).toThrow(RangeError);
    expect(() => scoreSelection([], { readerWeight: 12.5, tieBreak: "JURY_FIRST" })).toThrow(RangeError);
  });

  it("returns nothing for no candidates", () => {
    expect(scoreSelection([], { readerWeight: 40, tieBreak: "JURY_FIRST" })).toEqual([]);
  });
});

describe("windowState", () => {
  const window = { opensAt: new Date("2026-12-01T00:00:00Z"), closesAt: new Date("2026-12-10T00:00:00Z") };
  it("opens and closes by the clock alone", () => {
    expect(windowState(window, new Date("2026-11-30T23:59:59.999Z"))).toBe("upcoming");
    expect(windowState(window, new Date("2026-12-01T00:00:00Z"))).toBe("open");
    expect(windowState(window, new Date("2026-12-09T23:59:59.999Z"))).toBe("open");
    expect(windowState(window, new Date("2026-12-10T00:00:00Z"))).toBe("closed");
  });
});

describe("networkOf", () => {
  it("groups IPv4 by /24 and IPv6 by /48", async () => {
    const { networkOf } = await import("@/lib/selection/network");
    expect(networkOf("203.0.113.77")).toBe("203.0.113.0/24");
    expect(networkOf("::ffff:203.0.113.9")).toBe("203.0.113.0/24");
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(networkOf("unknown")).toBe("other:unknown");
  });
});

describe("TotalsExpiry", () => {
  it("expires a selection's totals at most once per interval, and always after the last ballot", async () => {
    const { TotalsExpiry } = await import("@/lib/selection/totals-expiry");
    let now = 0;
    const expired: Array<[string, number]> = [];
    const timers: Array<{ at: number; run: () => void }> = [];
    const expiry = new TotalsExpiry((slug) => expired.push([slug, now]), 5000, () => now, (run, ms) => timers.push({ at: now + ms, run }));
    expiry.noteBallot("a"); // at once
    now = 1000;
    expiry.noteBallot("a"); // trailing, at 5000
    now = 2000;
    expiry.noteBallot("a"); // already scheduled
    expiry.noteBallot("b"); // another selection: at once
    expect(expired).toEqual([["a", 0], ["b", 2000]]);
    expect(timers.map((timer) => timer.at)).toEqual([5000]);
    now = 5000;
    timers.shift()?.run();
    expect(expired).toEqual([["a", 0], ["b", 2000], ["a", 5000]]);
    now = 9000;
    expiry.noteBallot("a"); // within 5 s of the trailing expiry: scheduled for 10000
    expect(timers.map((timer) => timer.at)).toEqual([10000]);
  });
});
