import "server-only";
import { isSameSitePost, postOriginOf, CROSS_SITE_REFUSAL } from "@/lib/action-origin";
import { clientAddress } from "@/lib/auth/client-address";
import { ballotErrorKey, castBallot } from "@/lib/data/ballots";
import type { PublicSelection } from "@/lib/data/public-selections";
import { announceTotalsChanged } from "@/lib/data/selection-notices";
import { getSiteUrl, getTrustProxy } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { retryAnswer } from "@/lib/selection/retry-page";
import { voterCookieIn } from "@/lib/selection/tokens";
import { TotalsExpiry } from "@/lib/selection/totals-expiry";
import { type FormFields, MAX_CANDIDATES, ballotFormInput, ballotFormSchema } from "@/lib/validation/selection";

// A ballot's form post, answered: the one implementation behind both the route handler
// (app/(site)/selections/[slug]/vote/route.ts, Next's path) and the standalone server's front door
// (lib/selection/fast-path.ts registers it; lib/server/front-door.mjs calls it without entering Next).
// Every answer is a 303 to a page (the confirmation, or the voting page with the reason and the ticked
// choices kept), except: a post from another site (403, the rule proxy.ts applies to every post), a
// body larger than any ballot (413), and a ballot the database could not store (503 "请稍后重试",
// nothing acknowledged).

/** Far more than a ballot needs (a token of at most 500 characters and at most 100 choices of 40). */
export const BALLOT_BODY_LIMIT_BYTES = 32 * 1024;

export type BallotPost = {
  /** The selection's address segment, decoded once. */
  slug: string;
  /** A request header by its lower-case name. */
  header: (name: string) => string | null | undefined;
  /** The body, read up to `limit` bytes: "tooLarge" past it, null when it could not be read. */
  readBody: (limit: number) => Promise<Uint8Array | "tooLarge" | null>;
};

/** An answer as plain parts: the route handler makes a Response of it, the front door writes it. */
export type PlainAnswer = { status: number; headers: Record<string, string>; body: string | null };

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };

const store = globalThis as unknown as { roundupTotalsExpiry?: TotalsExpiry };
// One per process, whichever path (and bundle) a ballot came through.
const totalsExpiry = (store.roundupTotalsExpiry ??= new TotalsExpiry((slug) => {
  announceTotalsChanged(slug).catch((error: unknown) => console.error("[roundup] totals expiry notice failed:", error));
}));

/** A relative Location (RFC 9110 allows it), so the answer is right behind any proxy. */
function seeOther(path: string): PlainAnswer {
  return { status: 303, headers: { Location: path, "Cache-Control": "no-store" }, body: null };
}

/** The form's fields; null when the body is not a form (which the reader sees as an expired form). */
async function readForm(body: Uint8Array, contentType: string | null | undefined): Promise<FormFields | null> {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (type === "application/x-www-form-urlencoded") return new URLSearchParams(bytes.toString("utf8"));
  if (type === "multipart/form-data") return new Response(new Uint8Array(bytes), { headers: { "Content-Type": contentType ?? "" } }).formData().catch(() => null);
  return null;
}

export async function answerBallotPost(post: BallotPost, loadSelection: (slug: string) => Promise<PublicSelection | null>): Promise<PlainAnswer> {
  const trustProxy = getTrustProxy();
  if (!isSameSitePost(postOriginOf(post.header, getSiteUrl(), trustProxy))) return { status: 403, headers: TEXT, body: CROSS_SITE_REFUSAL };
  const tooLarge: PlainAnswer = { status: 413, headers: TEXT, body: "提交的内容太大，不是一张选票。请返回投票页重新投票。" };
  if (Number(post.header("content-length") ?? 0) > BALLOT_BODY_LIMIT_BYTES) return tooLarge;
  const body = await post.readBody(BALLOT_BODY_LIMIT_BYTES);
  if (body === "tooLarge") return tooLarge;

  const { slug } = post;
  const page = `/selections/${encodeURIComponent(slug)}`;
  const formData = body ? await readForm(body, post.header("content-type")) : null;
  const parsed = formData ? ballotFormSchema.safeParse(ballotFormInput(formData)) : null;
  if (!parsed?.success) {
    const ticked = formData?.getAll("choice").length ?? 0;
    // More boxes than any selection has: too many; none: nothing chosen; otherwise the form itself is bad.
    const reason = !formData ? "formExpired" : ticked === 0 ? "empty" : ticked > MAX_CANDIDATES ? "tooMany" : "formExpired";
    return seeOther(`${page}?error=${reason}`);
  }
  try {
    const address = clientAddress({ "x-forwarded-for": post.header("x-forwarded-for") ?? undefined }, trustProxy);
    const ack = await castBallot({ slug, token: parsed.data.token, choices: parsed.data.choices, voterCookie: voterCookieIn(post.header("cookie")), address }, { loadSelection });
    if (!ack.repeated) totalsExpiry.noteBallot(slug);
    return seeOther(`${page}/thanks?r=${encodeURIComponent(ack.receipt)}`);
  } catch (error) {
    const appError = toAppError(error, `castBallot (${slug})`);
    if (appError.code === "UNAVAILABLE" || appError.code === "INTERNAL") return retryAnswer(slug);
    if (appError.code === "NOT_FOUND") return { status: 404, headers: TEXT, body: "找不到这个评选。" };
    const picked = parsed.data.choices.slice(0, 100).join(",");
    return seeOther(`${page}?error=${ballotErrorKey(appError.message)}&picked=${encodeURIComponent(picked)}`);
  }
}

/** A Web request's body read up to a limit (the route handler's readBody). */
export async function readBodyUpTo(request: Request, limit: number): Promise<Uint8Array | "tooLarge" | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return "tooLarge";
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  return Buffer.concat(chunks);
}
