// Ranks must run 1..N without gaps or repeats: a roundup page shows them as printed, and a wrong
// number usually means an item was lost or mistyped in the document, which only its author can fix.

import { ImportError } from "./errors";
import type { ItemHeading } from "./shapes";

function shortTitle(title: string): string {
  return title.length > 20 ? `${title.slice(0, 20)}……` : title;
}

export function checkRanks(listTitle: string, headings: readonly ItemHeading[]): void {
  const byRank = new Map<number, ItemHeading>();
  for (const heading of headings) {
    const earlier = byRank.get(heading.rank);
    if (earlier) {
      const hint =
        heading.rank === 1
          ? "如果文件里有两份榜单，请在第二份榜单前单独写一行标题（如“国际十大新闻”）；否则请"
          : "请";
      throw new ImportError(
        "RANK_DUPLICATE",
        `“${listTitle}”中第${heading.rank}条出现了两次（“${shortTitle(earlier.title)}”和“${shortTitle(heading.title)}”）：${hint}改正重复的序号后重新上传。`,
      );
    }
    byRank.set(heading.rank, heading);
  }

  const highest = Math.max(...byRank.keys());
  for (let rank = 1; rank <= highest; rank += 1) {
    if (byRank.has(rank)) continue;
    const next = Math.min(...[...byRank.keys()].filter((other) => other > rank));
    const where = rank === 1 ? `序号没有从1开始，第一条是第${next}条` : `第${rank - 1}条之后直接是第${next}条`;
    throw new ImportError(
      "RANK_GAP",
      `“${listTitle}”缺少第${rank}条（${where}）：请补上第${rank}条，或改正序号后重新上传。`,
    );
  }
}
