import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/selection/action-form";
import { generateSelectionRoundup, setExcludeFlagged } from "@/lib/actions/selections";
import { requireRole } from "@/lib/auth/guards";
import { getSelectionResults } from "@/lib/data/selection-results";
import { DECIDED_BY_LABELS, TIE_BREAK_LABELS } from "@/lib/selection/scoring";
import { WINDOW_LABELS } from "@/lib/selection/window";
import "@/components/selection/selection.css";

export const metadata: Metadata = { title: "评选结果", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

const fixed = (value: number) => value.toFixed(2).replace(/\.?0+$/, "");

export default async function SelectionResultsPage({ params }: Props) {
  const { id } = await params;
  const user = await requireRole("EDITOR", `/editor/selections/${id}/results`);
  const results = await getSelectionResults(user, id);
  if (!results) notFound();
  const juryWeight = 100 - results.readerWeight;
  const titles = new Map(results.rows.map((row) => [row.id, row.title]));

  return (
    <>
      <h1>结果：{results.title}</h1>
      <p>
        <Link href={`/editor/selections/${results.id}`}>← 评选设置</Link>
      </p>
      <p>
        状态：<strong>{WINDOW_LABELS[results.state]}</strong>。选票共 {results.ballots.all} 张，其中被标记为疑似自动投票的 {results.ballots.flagged} 张；当前
        {results.excludeFlagged ? <strong>不计入</strong> : <strong>计入</strong>}被标记的选票（按当前方式计入 {results.excludeFlagged ? results.ballots.unflagged : results.ballots.all} 张）。
      </p>
      {results.flagCounts.length > 0 ? (
        <ul>
          {results.flagCounts.map((flag) => (
            <li key={flag.flag}>
              {flag.label}：{flag.count} 张
            </li>
          ))}
        </ul>
      ) : null}
      <h2>计算方法</h2>
      <ul>
        <li>读者分 = 100 × 该候选票数 ÷ 得票最多的候选的票数（得票最多者为 100）。</li>
        <li>评委分 = 10 × 评委平均分（每位评委打 1–10 分；{results.jurors.active} 位评委在任；未评分者记 0）。</li>
        <li>
          综合分 = {results.readerWeight}% × 读者分 + {juryWeight}% × 评委分。同分时：{TIE_BREAK_LABELS[results.tieBreak]}。
        </li>
      </ul>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">各候选的票数、评委分和综合分</caption>
          <thead>
            <tr>
              <th scope="col">名次</th>
              <th scope="col">候选</th>
              <th scope="col" className="number">票数（含标记）</th>
              <th scope="col" className="number">票数（不含标记）</th>
              <th scope="col" className="number">读者分</th>
              <th scope="col" className="number">评委平均分</th>
              <th scope="col" className="number">评委分</th>
              <th scope="col" className="number">综合分</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {results.rows.map((row) => (
              <tr key={row.id}>
                <td>{row.rank}</td>
                <td>{row.title}</td>
                <td className="number">{row.ballotsWithFlagged}</td>
                <td className="number">{row.ballotsWithoutFlagged}</td>
                <td className="number">{fixed(row.readerPart)}</td>
                <td className="number">{row.juryMean === null ? "未评分" : `${fixed(row.juryMean)}（${row.juryCount} 人）`}</td>
                <td className="number">{fixed(row.juryPart)}</td>
                <td className="number">
                  {results.readerWeight}%×{fixed(row.readerPart)} + {juryWeight}%×{fixed(row.juryPart)} = <strong>{fixed(row.combined)}</strong>
                </td>
                <td>
                  {row.tiedWith.length > 0 ? (
                    <span className="tie-flag">
                      与{row.tiedWith.map((other) => `「${titles.get(other) ?? ""}」`).join("")}同分，{DECIDED_BY_LABELS[row.decidedBy]}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {results.roundupId ? (
        <p>
          已生成榜单草稿：<Link href={`/editor/roundups/${results.roundupId}`}>打开榜单</Link>
        </p>
      ) : (
        <>
          <h2>被标记的选票</h2>
          <ActionForm
            action={setExcludeFlagged}
            hidden={{ selectionId: results.id }}
            fields={[{ name: "exclude", label: "不计入被标记的选票（操作会记入审计日志）", kind: "checkbox" }]}
            values={{ exclude: results.excludeFlagged ? "on" : "" }}
            submitLabel="保存计票方式"
          />
          <h2>生成榜单</h2>
          {results.state === "closed" ? (
            <>
              <p>按上表顺序生成一个榜单草稿（票数和评分保存在各条目中，同分的条目会标出），之后可像其他榜单一样编辑、发布。</p>
              <ActionForm action={generateSelectionRoundup} hidden={{ selectionId: results.id }} submitLabel="生成榜单" pendingLabel="正在生成…" />
            </>
          ) : (
            <p className="muted">投票结束后才能生成榜单。</p>
          )}
        </>
      )}
    </>
  );
}
