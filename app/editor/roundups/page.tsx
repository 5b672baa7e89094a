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
        <div className="table-scroll">
          <table className="story-table">
            <thead>
              <tr>
                <th scope="col">标题</th>
                <th scope="col" className="cell-nowrap">年份</th>
                <th scope="col" className="cell-nowrap">状态</th>
                <th scope="col" className="cell-nowrap">条目</th>
              </tr>
            </thead>
            <tbody>
              {roundups.map((roundup) => (
                <tr key={roundup.id}>
                  <td className="cell-title">
                    <Link href={`/editor/roundups/${roundup.id}`}>{roundup.title}</Link>
                  </td>
                  <td className="cell-nowrap">{roundup.year} 年</td>
                  <td className="cell-nowrap">{STATUS[roundup.status]}</td>
                  <td className="cell-nowrap">{roundup._count.items} 条</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>新建榜单</h2>
      <RoundupForm values={{ title: "", year: String(new Date().getFullYear()), publisher: "", intro: "", outro: "" }} />
    </>
  );
}
