import { type NextRequest } from "next/server";
import { acceptJurorInvite } from "@/lib/data/jurors";
import { toAppError } from "@/lib/errors";
import { decodeSegment } from "@/lib/seo";
import { JUROR_COOKIE, juryPath } from "@/lib/selection/juror-cookie";
import { retryPage } from "@/lib/selection/retry-page";
import { getSiteUrl } from "@/lib/env";

// An outside juror's invite link, used: the page at jury/join/<token> posts here (a link preview or
// prefetch never uses it up). The link works once; this browser then holds a juror session in an
// httpOnly cookie sent only to this selection's jury page.

export const dynamic = "force-dynamic";

const SIXTY_DAYS = 60 * 24 * 60 * 60;

const REASONS = { NOT_FOUND: "unknown", CONFLICT: "used" } as const;

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = decodeSegment((await params).slug);
  const formData = await request.formData().catch(() => null);
  const token = formData?.get("token");
  const back = (reason: string) => new Response(null, { status: 303, headers: { Location: `${juryPath(slug)}?error=${reason}`, "Cache-Control": "no-store" } });
  if (typeof token !== "string" || token.length === 0 || token.length > 200) return back("unknown");
  try {
    const { sessionToken } = await acceptJurorInvite({ slug, token });
    const secure = getSiteUrl().startsWith("https://") ? "; Secure" : "";
    return new Response(null, {
      status: 303,
      headers: { Location: juryPath(slug), "Cache-Control": "no-store", "Set-Cookie": `${JUROR_COOKIE}=${sessionToken}; Path=${juryPath(slug)}; Max-Age=${SIXTY_DAYS}; HttpOnly; SameSite=Lax${secure}` },
    });
  } catch (error) {
    const appError = toAppError(error, `acceptJurorInvite (${slug})`);
    if (appError.code === "UNAVAILABLE" || appError.code === "INTERNAL") return retryPage(slug);
    if (appError.code === "FORBIDDEN") return back(appError.message.includes("撤销") ? "revoked" : "expired");
    return back(REASONS[appError.code as keyof typeof REASONS] ?? "unknown");
  }
}
