// How a selection's result is computed: a pure function of the counted ballots and the jury's
// scores, so the editor's results table, "生成榜单" and the tests all use the same arithmetic.
//
// Both parts are put on a 0–100 scale before they are weighted:
// - reader part = 100 × ballots for the candidate / ballots of the candidate with the most. The
//   leader gets 100 and the others their share of the leader's count: the part says how close a
//   candidate came to the readers' favourite, whatever the turnout (dividing by the total number of
//   ballots would squeeze every part towards 0 when readers may tick up to N candidates).
//   With no ballots at all every reader part is 0.
// - jury part = 10 × the mean of the candidate's scores (1–10 each), so a mean of 7.5 is 75. A
//   candidate no juror has scored gets 0 and is reported as unscored.
// - combined = readerWeight % × reader part + (100 − readerWeight) % × jury part.
// Candidates are ordered by combined score, highest first. Equal combined scores (compared to 1e-9,
// so float noise can't split a real tie) are ordered by the selection's tie-break rule and reported
// as tied, so the editor sees that a rule, not the score, decided their order.

export type TieBreakRule = "JURY_FIRST" | "BALLOTS_FIRST" | "CANDIDATE_ORDER";

export type ScoringCandidate = {
  id: string;
  /** The editor's order, 1..N: the last tie-break. */
  position: number;
  /** Ballots that ticked this candidate (already filtered for flagged ballots if the editor excluded them). */
  ballots: number;
  /** Every juror's score for this candidate, 1–10. */
  juryScores: readonly number[];
};

export type ScoringRules = {
  /** Percent (0–100) of the combined score from reader ballots; the jury gets the rest. */
  readerWeight: number;
  tieBreak: TieBreakRule;
};

export type ScoredCandidate = {
  id: string;
  position: number;
  /** 1..N in the computed order. */
  rank: number;
  ballots: number;
  juryCount: number;
  /** Mean jury score (1–10), null when unscored. */
  juryMean: number | null;
  readerPart: number;
  juryPart: number;
  combined: number;
  /** Ids of the other candidates with the same combined score (empty when none). */
  tiedWith: string[];
  /** What ordered this candidate against the ones it is tied with. */
  decidedBy: "score" | "jury" | "ballots" | "position";
};

const EPSILON = 1e-9;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) < EPSILON;
}

export function readerPart(ballots: number, mostBallots: number): number {
  return mostBallots > 0 ? (100 * ballots) / mostBallots : 0;
}

export function juryMean(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  return scores.reduce((sum, score) => sum + score, 0) / scores.length;
}

export function juryPart(mean: number | null): number {
  return mean === null ? 0 : 10 * mean;
}

export function combinedScore(reader: number, jury: number, readerWeight: number): number {
  return (readerWeight * reader + (100 - readerWeight) * jury) / 100;
}

type Working = Omit<ScoredCandidate, "rank" | "tiedWith" | "decidedBy">;

/** The steps after the combined score, in the rule's order; position always separates. */
function tieSteps(rule: TieBreakRule): Array<{ key: "jury" | "ballots" | "position"; compare: (a: Working, b: Working) => number }> {
  const jury = { key: "jury" as const, compare: (a: Working, b: Working) => (same(a.juryPart, b.juryPart) ? 0 : b.juryPart - a.juryPart) };
  const ballots = { key: "ballots" as const, compare: (a: Working, b: Working) => b.ballots - a.ballots };
  const position = { key: "position" as const, compare: (a: Working, b: Working) => a.position - b.position };
  if (rule === "JURY_FIRST") return [jury, ballots, position];
  if (rule === "BALLOTS_FIRST") return [ballots, jury, position];
  return [position];
}

export function scoreSelection(candidates: readonly ScoringCandidate[], rules: ScoringRules): ScoredCandidate[] {
  if (!Number.isInteger(rules.readerWeight) || rules.readerWeight < 0 || rules.readerWeight > 100) throw new RangeError("readerWeight must be an integer from 0 to 100");
  const mostBallots = Math.max(0, ...candidates.map((candidate) => candidate.ballots));
  const working: Working[] = candidates.map((candidate) => {
    const mean = juryMean(candidate.juryScores);
    const reader = readerPart(candidate.ballots, mostBallots);
    const jury = juryPart(mean);
    return {
      id: candidate.id,
      position: candidate.position,
      ballots: candidate.ballots,
      juryCount: candidate.juryScores.length,
      juryMean: mean,
      readerPart: reader,
      juryPart: jury,
      combined: combinedScore(reader, jury, rules.readerWeight),
    };
  });
  const steps = tieSteps(rules.tieBreak);
  const ordered = [...working].sort((a, b) => {
    if (!same(a.combined, b.combined)) return b.combined - a.combined;
    for (const step of steps) {
      const order = step.compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
  return ordered.map((candidate, index) => {
    const tied = ordered.filter((other) => other !== candidate && same(other.combined, candidate.combined));
    // The first step of the rule that tells this candidate apart from every candidate it is tied with.
    let decidedBy: ScoredCandidate["decidedBy"] = "score";
    if (tied.length > 0) {
      decidedBy = "position";
      for (const step of steps) {
        if (tied.every((other) => step.compare(candidate, other) !== 0)) {
          decidedBy = step.key;
          break;
        }
      }
    }
    return { ...candidate, rank: index + 1, tiedWith: tied.map((other) => other.id), decidedBy };
  });
}

export const TIE_BREAK_LABELS: Record<TieBreakRule, string> = {
  JURY_FIRST: "评委分高者优先，其次票数多者，再次按候选顺序",
  BALLOTS_FIRST: "票数多者优先，其次评委分高者，再次按候选顺序",
  CANDIDATE_ORDER: "按候选顺序",
};

export const DECIDED_BY_LABELS: Record<ScoredCandidate["decidedBy"], string> = {
  score: "按综合分",
  jury: "同分，按评委分",
  ballots: "同分，按票数",
  position: "同分，按候选顺序",
};
