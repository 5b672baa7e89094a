import type { Metadata } from "next";
import { cookies } from "next/headers";
import { JuryScoreForm } from "@/components/selection/jury-score-form";
import { getCurrentUser } from "@/lib/auth/session";
import { JUROR_MESSAGES, getJuryBallot, jurorFromSession, jurorFromStaff } from "@/lib/data/jurors";
import { decodeSegment } from "@/lib/seo";
import { JUROR_COOKIE } from "@/lib/selection/juror-cookie";
import { MAX_JURY_SCORE } from "@/lib/validation/selection";
import "@/components/selection/selection.css";

// A juror's scoring page: an outside juror by the cookie their invite link gave this browser, or a
// staff juror by their signed-in account. Anyone else is told why they can't score. Works without
// JavaScript and on a phone, like the voting page (components/selection/jury-score-form.tsx).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "评委评分", robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ error?: string }> };

const LINK_ERRORS: Record<string, string> = { unknown: JUROR_MESSAGES.unknown, used: JUROR_MESSAGES.used, revoked: JUROR_MESSAGES.revoked, expired: JUROR_MESSAGES.expired };

export default async function JuryPage({ params, searchParams }: Props) {
  const slug = decodeSegment((await params).slug);
  const { error } = await searchParams;
  const session = (await cookies()).get(JUROR_COOKIE)?.value;
  const juror = (await jurorFromSession(slug, session)) ?? (await jurorFromStaff(await getCurrentUser(), slug));
  const linkError = error ? (LINK_ERRORS[error] ?? null) : null;
  if (!juror) {
    // A juror cookie that no longer opens a seat: the editor revoked this juror (perhaps mid-scoring).
    const ended = session ? JUROR_MESSAGES.sessionEnded : null;
    return (
      <article>
        <h1>评委评分</h1>
        <p className="ballot-error" role="alert">
          {linkError ?? ended ?? `${JUROR_MESSAGES.notJuror}外部评委请使用编辑部发送的邀请链接；本社评委请先登录。`}
        </p>
        <p>
          <a href={`/login?callbackUrl=${encodeURIComponent(`/selections/${slug}/jury`)}`}>本社评委登录</a>
        </p>
      </article>
    );
  }
  const ballot = await getJuryBallot(juror);
  return (
    <article>
      <h1>评委评分：{ballot.title}</h1>
      <p>
        {juror.name}，请为每个候选打分（1–{MAX_JURY_SCORE} 分，分数越高越好）。可以分几次完成，每次保存都会记下。
      </p>
      {ballot.locked ? (
        <p className="ballot-notice">榜单已经生成，评分不能再改。</p>
      ) : (
        <JuryScoreForm selectionId={ballot.selectionId} maxScore={MAX_JURY_SCORE} candidates={ballot.candidates} />
      )}
    </article>
  );
}
