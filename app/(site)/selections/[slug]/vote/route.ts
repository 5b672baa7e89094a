import { type NextRequest } from "next/server";
import { readSelection } from "@/lib/cache/public-reads";
import { answerBallotPost, readBodyUpTo } from "@/lib/selection/ballot-post";
import { decodeSegment } from "@/lib/seo";

// The voting form's target: a plain form post, so voting works without JavaScript. The answers are
// lib/selection/ballot-post.ts's. The standalone server's front door answers these posts itself with
// that same function (lib/selection/fast-path.ts); this handler serves where it doesn't run (next dev)
// and any post it leaves to Next.

export const dynamic = "force-dynamic";

export async function POST(request: NextRequest, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = decodeSegment((await params).slug);
  const answer = await answerBallotPost({ slug, header: (name) => request.headers.get(name), readBody: (limit) => readBodyUpTo(request, limit) }, readSelection);
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
