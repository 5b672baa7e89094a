import type { RankedPlacement } from "@/lib/data/roundup-integrity";

type Placement = Pick<RankedPlacement, "roundupTitle" | "rank" | "storyTitle">;

const CHOICES = [
  { value: "keep", label: "保留名次，榜单上显示“该条目已撤下”" },
  { value: "renumber", label: "从榜单移除，后面的条目依次前移" },
] as const;

/** Names the published roundups that rank the story and asks what they should do (the rankChoice field). */
export function RankChoiceFields({ placements, showStory = false }: { placements: Placement[]; showStory?: boolean }) {
  if (placements.length === 0) return null;
  return (
    <>
      <p>{showStory ? "所选报道在已发布的榜单中：" : "这篇报道在已发布的榜单中："}</p>
      <ul>
        {placements.map((p) => (
          <li key={`${p.roundupTitle}-${p.rank}`}>
            《{p.roundupTitle}》第 {p.rank} 名{showStory ? `：《${p.storyTitle}》` : ""}
          </li>
        ))}
      </ul>
      <fieldset>
        <legend>榜单如何处理</legend>
        {CHOICES.map((choice, index) => (
          <label key={choice.value}>
            <input type="radio" name="rankChoice" value={choice.value} defaultChecked={index === 0} /> {choice.label}
          </label>
        ))}
      </fieldset>
    </>
  );
}
