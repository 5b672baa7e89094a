import type { Metadata } from "next";
import Link from "next/link";
import { RoundupForm } from "@/components/editor/roundup-form";
import { requireRole } from "@/lib/auth/guards";
import { listRoundups } from "@/lib/data/roundups";

export const metadata: Metadata = { title: "榜单", robots: { index: false } };

const STATUS = { DRAFT: "草稿", PUBLISHED: "已发布", UNPUBLISHED: "已撤下" } as const;

export default async function RoundupsPage() {
  const user = await requireRole("EDITOR", "/editor/roundups");
  const roundups = await listRoundups(user);
  return (
    <>
      <h1>榜单</h1>
      {roundups.length === 0 ? (
        <p>还没有榜单。</p>
      ) : (
        <ul className="story-list">
          {roundups.map((roundup) => (
            <li key={roundup.id}>
              <Link href={`/editor/roundups/${roundup.id}`}>{roundup.title}</Link>
              <span className="muted">
                {" "}
                · {roundup.year} 年 · {STATUS[roundup.status]} · {roundup._count.items} 条
              </span>
            </li>
          ))}
        </ul>
      )}
      <h2>新建榜单</h2>
      <RoundupForm values={{ title: "", year: String(new Date().getFullYear()), publisher: "", intro: "", outro: "" }} />
    </>
  );
}
