import "server-only";
import { getSiteUrl } from "@/lib/env";
import { answerBallotPost, type BallotPost, type PlainAnswer } from "@/lib/selection/ballot-post";
import { retryAnswer } from "@/lib/selection/retry-page";
import { selectionMemo } from "@/lib/selection/selection-memo";
import { decodeSegment } from "@/lib/seo";
import { formTokenSelection, newFormToken, newVoterCookie, readVoterCookie, voterCookieIn, voterSetCookie } from "@/lib/selection/tokens";

// The voting fast path: what the standalone server's front door (lib/server/front-door.mjs, plain
// JavaScript outside Next's bundle) needs to answer a voting page view itself, registered on
// globalThis at start-up by instrumentation.ts (same process). Each function here is the one the
// Next path uses too, so the front door signs tokens and cookies with the same keys and rules, and
// answers a ballot with the route handler's own function (lib/selection/ballot-post.ts).
// Without this registration (e.g. `next dev`, which has no front door) everything goes to Next.

export const VOTING_HANDLE = Symbol.for("roundup.voting");

export type VotingHandle = {
  /** A fresh signed form token for this selection. */
  newFormToken: (selectionId: string, now: number) => string;
  /** The selection a rendered token was signed for, or null when it isn't this server's. */
  tokenSelection: (token: string) => string | null;
  /** The Set-Cookie line of a new voter cookie when the request has none or a forged one (as proxy.ts does), else null. */
  voterCookieFor: (cookieHeader: string | undefined) => string | null;
  /** A ballot's post to /selections/<segment>/vote (the segment as in the address), answered. */
  answerBallot: (segment: string, header: BallotPost["header"], readBody: BallotPost["readBody"]) => Promise<PlainAnswer>;
};

export function registerVotingFastPath(): void {
  const https = getSiteUrl().startsWith("https://");
  const loadSelection = selectionMemo();
  const handle: VotingHandle = {
    newFormToken: (selectionId, now) => newFormToken(selectionId, new Date(now)),
    tokenSelection: formTokenSelection,
    voterCookieFor: (cookieHeader) => {
      const voter = readVoterCookie(voterCookieIn(cookieHeader));
      return voter === null || voter === "forged" ? voterSetCookie(newVoterCookie(), https) : null;
    },
    answerBallot: async (segment, header, readBody) => {
      const slug = decodeSegment(segment);
      try {
        return await answerBallotPost({ slug, header, readBody }, loadSelection);
      } catch (error) {
        // answerBallotPost answers every refusal itself; anything else is a fault: nothing was acknowledged.
        console.error(`[roundup] ballot for ${slug} failed:`, error);
        return retryAnswer(slug);
      }
    },
  };
  (globalThis as unknown as Record<symbol, VotingHandle>)[VOTING_HANDLE] = handle;
}
