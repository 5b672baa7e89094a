// Shared by the import tests: fixture loading and unwrapping the expected failure.

import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { ImportError } from "../../../lib/import/errors";
import { parseRoundupDocument, type ParsedDocument, type ParsedRoundup } from "../../../lib/import/parse";

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/import");

export function readFixture(name: string): string {
  return readFileSync(path.join(fixturesDir, name), "utf8");
}

export function parseFixture(name: string): ParsedDocument {
  return parseRoundupDocument(readFixture(name));
}

/** The document's single roundup; fails when the parser found none or several. */
export function onlyRoundup(doc: ParsedDocument): ParsedRoundup {
  const [roundup, ...others] = doc.roundups;
  if (!roundup || others.length > 0) throw new Error(`expected one roundup, got ${doc.roundups.length}`);
  return roundup;
}

/** Runs `action`, which must throw an ImportError, and returns that error for its code and message. */
export function importErrorFrom(action: () => unknown): ImportError {
  try {
    action();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("expected an ImportError, but nothing was thrown");
}
