"use client";

import type { ConflictInfo, StoryContent } from "@/lib/data/stories";
import { characterDiff, hasChanges } from "@/lib/editor/text-diff";
import { DiffText } from "./diff-text";

const FIELDS: { key: keyof StoryContent; label: string }[] = [
  { key: "title", label: "标题" },
  { key: "dek", label: "导语" },
  { key: "byline", label: "署名" },
  { key: "body", label: "正文" },
];

type Props = { base: StoryContent; theirs: ConflictInfo; onTakeTheirs: () => void; onOverwrite: () => void };

/** What the other person changed since this writer's edit began; the writer's own text stays in the form. */
export function ConflictPanel({ base, theirs, onTakeTheirs, onOverwrite }: Props) {
  const changed = FIELDS.map((field) => ({ ...field, parts: characterDiff(base[field.key], theirs[field.key]) })).filter((field) => hasChanges(field.parts));
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{theirs.editorName} 的改动</h2>
      {changed.length === 0 ? <p>对方没有改动文字，只更新了其他设置。</p> : null}
      {changed.map((field) => (
        <div key={field.key}>
          <h3>{field.label}</h3>
          <DiffText parts={field.parts} />
        </div>
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={onOverwrite}>
          用我的版本覆盖
        </button>
        <button type="button" className="button button-secondary" onClick={onTakeTheirs}>
          放弃我的修改，采用对方版本
        </button>
      </div>
      <p className="muted">也可以先在上面的编辑框里把对方的改动合并进来，再点「用我的版本覆盖」。</p>
    </section>
  );
}
