import { diffChars } from "diff";

// Character-level, because Chinese has no spaces: a word diff would mark a whole paragraph changed.
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

export function characterDiff(before: string, after: string): DiffPart[] {
  return diffChars(before, after).map((change) => ({
    kind: change.added ? "added" : change.removed ? "removed" : "same",
    text: change.value,
  }));
}

export function hasChanges(parts: DiffPart[]): boolean {
  return parts.some((part) => part.kind !== "same");
}
