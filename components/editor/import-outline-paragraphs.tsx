"use client";

import type { ParagraphTarget } from "@/lib/import/outline-edit";

type Props = {
  paragraphs: readonly string[];
  listLabel: string;
  hasItems: boolean;
  onPlace: (index: number, target: ParagraphTarget) => void;
};

/** Text the parser could not place (all of it, for a document without numbered items), one row per paragraph. */
export function OutlineParagraphs({ paragraphs, listLabel, hasItems, onPlace }: Props) {
  if (paragraphs.length === 0) return null;
  return (
    <section className="outline-paragraphs" aria-label={`${listLabel}的未归类段落`}>
      <h4>未归类段落（{paragraphs.length} 段）</h4>
      <p className="muted">从上往下处理：把条目的标题“设为新条目”，把它下面的文字“并入最后一条的正文”。</p>
      <ol>
        {paragraphs.map((paragraph, index) => (
          // Paragraphs have no identity besides their text and place; the place is stable while shown.
          <li key={`${index}-${paragraph}`}>
            <p>{paragraph}</p>
            <div className="actions" role="group" aria-label={`段落${index + 1}的操作`}>
              <button type="button" className="button button-secondary button-small" onClick={() => onPlace(index, "new-item")}>
                设为新条目
              </button>
              <button type="button" className="button button-secondary button-small" disabled={!hasItems} onClick={() => onPlace(index, "last-body")}>
                并入最后一条的正文
              </button>
              <button type="button" className="button button-secondary button-small" disabled={!hasItems} onClick={() => onPlace(index, "last-caption")}>
                设为最后一条的图片说明
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => onPlace(index, "title")}>
                设为榜单标题
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => onPlace(index, "intro")}>
                并入导语
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => onPlace(index, "outro")}>
                并入结语
              </button>
              <button type="button" className="button button-secondary button-small" onClick={() => onPlace(index, "discard")}>
                删除
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
