import { type NextRequest } from "next/server";
import { clientAddress } from "@/lib/auth/client-address";
import { readSelection } from "@/lib/cache/public-reads";
import { ballotErrorKey, castBallot } from "@/lib/data/ballots";
import { announceTotalsChanged } from "@/lib/data/selection-notices";
import { getTrustProxy } from "@/lib/env";
import { toAppError } from "@/lib/errors";
import { decodeSegment } from "@/lib/seo";
import { retryPage } from "@/lib/selection/retry-page";
import { VOTER_COOKIE } from "@/lib/selection/tokens";
import { TotalsExpiry } from "@/lib/selection/totals-expiry";
import { MAX_CANDIDATES, ballotFormInput, ballotFormSchema } from "@/lib/validation/selection";

// The voting form's target: a plain form post, so voting works without JavaScript. Every answer is
// a 303 to a page (the confirmation, or the voting page with the reason and the ticked choices kept),
// except a ballot the database could not store: 503 "请稍后重试", nothing acknowledged.

export const dynamic = "force-dynamic";

const globalForTotals = globalThis as unknown as { roundupTotalsExpiry?: TotalsExpiry };
const totalsExpiry = (globalForTotals.roundupTotalsExpiry ??= new TotalsExpiry((slug) => {
  announceTotalsChanged(slug).catch((error: unknown) => console.error("[roundup] totals expiry notice failed:", error));
}));

/** A relative Location (RFC 9110 allows it), so the answer is right behind any proxy. */
function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = decodeSegment((await params).slug);
  const page = `/selections/${encodeURIComponent(slug)}`;
  const formData = await request.formData().catch(() => null);
  const parsed = formData ? ballotFormSchema.safeParse(ballotFormInput(formData)) : null;
  if (!parsed?.success) {
    const ticked = formData?.getAll("choice").length ?? 0;
    // More boxes than any selection has: too many; none: nothing chosen; otherwise the form itself is bad.
    const reason = !formData ? "formExpired" : ticked === 0 ? "empty" : ticked > MAX_CANDIDATES ? "tooMany" : "formExpired";
    return seeOther(`${page}?error=${reason}`);
  }
  try {
    const ack = await castBallot(
      { slug, token: parsed.data.token, choices: parsed.data.choices, voterCookie: request.cookies.get(VOTER_COOKIE)?.value, address: clientAddress(request.headers, getTrustProxy()) },
      { loadSelection: readSelection },
    );
    if (!ack.repeated) totalsExpiry.noteBallot(slug);
    return seeOther(`${page}/thanks?r=${encodeURIComponent(ack.receipt)}`);
  } catch (error) {
    const appError = toAppError(error, `castBallot (${slug})`);
    if (appError.code === "UNAVAILABLE" || appError.code === "INTERNAL") return retryPage(slug);
    if (appError.code === "NOT_FOUND") return new Response("找不到这个评选。", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    const picked = parsed.data.choices.slice(0, 100).join(",");
    return seeOther(`${page}?error=${ballotErrorKey(appError.message)}&picked=${encodeURIComponent(picked)}`);
  }
}
