import "server-only";
import crypto from "node:crypto";
import type pg from "pg";
import { ballotLimits, type BallotFlag, type BallotLimits } from "@/lib/data/ballot-limits";
import type { PublicSelection } from "@/lib/data/public-selections";
import { votePool } from "@/lib/data/vote-pool";
import { AppError, conflict, invalid, notFound } from "@/lib/errors";
import { BALLOT_ERROR_TEXT, type BallotErrorKey } from "@/lib/selection/ballot-errors";
import { readFormToken, readVoterCookie, receiptFor } from "@/lib/selection/tokens";
import { windowState } from "@/lib/selection/window";

// A reader's ballot. Everything is checked before anything is written; then one statement inserts the
// ballot and its choices together, ON CONFLICT DO NOTHING, so:
// - a retry or a double click (same form, same idempotency key) finds the original ballot and gets
//   its acknowledgement again: never counted twice, even when both requests race (the second insert
//   waits on the unique index until the first commits, then does nothing);
// - a second ballot from the same voter cookie is refused by the (selectionId, voterId) index.
// A ballot is acknowledged only after its insert returned, so no acknowledged ballot is lost; when the
// database is away the insert fails and the reader is asked to try again (app/(site)/selections).

export const BALLOT_MESSAGES = {
  ...BALLOT_ERROR_TEXT,
  tooMany: (max: number) => `最多只能选 ${max} 项，请减少后再提交。`,
} as const;

/** The key of a refusal's message, for the voting page's address; "failed" for anything else. */
export function ballotErrorKey(message: string): BallotErrorKey {
  if (message.startsWith("最多只能选")) return "tooMany";
  const found = (Object.keys(BALLOT_ERROR_TEXT) as BallotErrorKey[]).find((key) => BALLOT_ERROR_TEXT[key] === message);
  return found ?? "failed";
}

export type BallotRequest = {
  slug: string;
  token: string;
  choices: string[];
  voterCookie: string | undefined;
  address: string;
};

export type BallotAck = { ballotId: string; receipt: string; repeated: boolean };

export type BallotOptions = {
  now?: Date;
  limits?: BallotLimits;
  /** Where the ballot's statements run (default: the voting pool, lib/data/vote-pool.ts). */
  executor?: Executor;
  /** The selection as the voting page shows it (the route passes its cached read). */
  loadSelection: (slug: string) => Promise<PublicSelection | null>;
};

function digestOf(choices: string[]): string {
  return crypto.createHash("sha256").update([...choices].sort().join(",")).digest("hex");
}

export function addressHash(address: string): string {
  return crypto.createHash("sha256").update(`ballot-address\u0000${address}`).digest("hex");
}

type Existing = { id: string; selectionId: string; idempotencyKey: string; choiceDigest: string };

/** The original ballot's acknowledgement for a retry, or the reason this is not a retry. */
function answerFor(existing: Existing, request: { selectionId: string; idempotencyKey: string; digest: string }): BallotAck {
  if (existing.idempotencyKey === request.idempotencyKey) {
    if (existing.selectionId === request.selectionId && existing.choiceDigest === request.digest) return { ballotId: existing.id, receipt: receiptFor(existing.id), repeated: true };
    throw conflict(BALLOT_MESSAGES.replayedKey);
  }
  throw conflict(BALLOT_MESSAGES.alreadyVoted);
}

/** Checks a ballot against its selection; throws the reader's message, writes nothing. */
export function checkBallot(selection: PublicSelection, request: Pick<BallotRequest, "token" | "choices" | "voterCookie">, now: Date) {
  const token = readFormToken(request.token, now);
  if (!token || token.selectionId !== selection.id) throw invalid(BALLOT_MESSAGES.formExpired);
  const state = windowState({ opensAt: new Date(selection.opensAt), closesAt: new Date(selection.closesAt) }, now);
  if (state === "upcoming") throw conflict(BALLOT_MESSAGES.notOpen);
  if (state === "closed") throw conflict(BALLOT_MESSAGES.closed);
  if (new Set(request.choices).size !== request.choices.length) throw invalid(BALLOT_MESSAGES.duplicate);
  if (request.choices.length > selection.maxChoices) throw invalid(BALLOT_MESSAGES.tooMany(selection.maxChoices));
  const known = new Set(selection.candidates.map((candidate) => candidate.id));
  if (!request.choices.every((choice) => known.has(choice))) throw invalid(BALLOT_MESSAGES.unknown);
  const voter = readVoterCookie(request.voterCookie);
  if (voter === "forged") throw invalid(BALLOT_MESSAGES.forgedCookie);
  return { idempotencyKey: token.idempotencyKey, voterId: voter };
}

export async function castBallot(request: BallotRequest, options: BallotOptions): Promise<BallotAck> {
  const now = options.now ?? new Date();
  const selection = await options.loadSelection(request.slug);
  if (!selection) throw notFound("找不到这个评选。");
  const { idempotencyKey, voterId } = checkBallot(selection, request, now);
  const digest = digestOf(request.choices);
  const mine = { selectionId: selection.id, idempotencyKey, digest };
  const executor = options.executor ?? votePool();

  // A retry is answered before it is counted against the address's limits.
  const earlier = await findEarlier(executor, selection.id, idempotencyKey, voterId);
  if (earlier) return answerFor(earlier, mine);

  const flags: BallotFlag[] = await (options.limits ?? ballotLimits()).count(request.address);
  if (!voterId) flags.unshift("no_cookie");
  const inserted = await insertBallot(executor, { id: crypto.randomUUID(), selectionId: selection.id, idempotencyKey, voterId, addressHash: addressHash(request.address), flags, digest, choices: request.choices });
  if (inserted) return { ballotId: inserted, receipt: receiptFor(inserted), repeated: false };

  // Someone else's insert won: the same form submitted twice at once, or the same voter in two tabs.
  const winner = await findEarlier(executor, selection.id, idempotencyKey, voterId);
  if (!winner) throw new AppError("INTERNAL", "投票没有保存，请重试。");
  return answerFor(winner, mine);
}

/** A pg pool or client: the ballot's statements are plain SQL (lib/data/vote-pool.ts says why). */
export type Executor = Pick<pg.Pool, "query">;

/** The ballot holding this idempotency key, or this voter's ballot in this selection. */
async function findEarlier(executor: Executor, selectionId: string, idempotencyKey: string, voterId: string | null): Promise<Existing | null> {
  const { rows } = await executor.query<Existing>(
    `select id, "selectionId", "idempotencyKey", "choiceDigest" from "Ballot"
     where "idempotencyKey" = $1 or ($3::text is not null and "selectionId" = $2 and "voterId" = $3)
     limit 1`,
    [idempotencyKey, selectionId, voterId],
  );
  return rows[0] ?? null;
}

export type NewBallot = { id: string; selectionId: string; idempotencyKey: string; voterId: string | null; addressHash: string; flags: string[]; digest: string; choices: string[] };

/**
 * The ballot and its choices in one statement (both inserts or neither); the new id, or null when
 * a unique index already holds this key or this voter. Exported for the interleaving test, which
 * runs it inside a transaction it holds open.
 */
export async function insertBallot(executor: Executor, ballot: NewBallot): Promise<string | null> {
  const { rows } = await executor.query<{ id: string }>(
    `with inserted as (
      insert into "Ballot" (id, "selectionId", "idempotencyKey", "voterId", "addressHash", flags, "choiceDigest")
      values ($1, $2, $3, $4, $5, $6::text[], $7)
      on conflict do nothing
      returning id
    ), chosen as (
      insert into "BallotChoice" ("ballotId", "candidateId")
      select inserted.id, choice from inserted, unnest($8::text[]) as choice
      returning 1
    )
    select id from inserted`,
    [ballot.id, ballot.selectionId, ballot.idempotencyKey, ballot.voterId, ballot.addressHash, ballot.flags, ballot.digest, ballot.choices],
  );
  return rows[0]?.id ?? null;
}
