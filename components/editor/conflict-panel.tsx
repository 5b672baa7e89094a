"use client";

import type { ConflictInfo, StoryContent, StorySettings } from "@/lib/data/stories";
import { characterDiff, hasChanges } from "@/lib/editor/text-diff";
import { DiffText } from "./diff-text";

const FIELDS: { key: keyof StoryContent; label: string }[] = [
  { key: "title", label: "标题" },
  { key: "dek", label: "导语" },
  { key: "byline", label: "署名" },
  { key: "body", label: "正文" },
];

type Props = { base: StoryContent; baseSettings: StorySettings; theirs: ConflictInfo; onTakeTheirs: () => void; onOverwrite: () => void };

const tagList = (tags: string[]) => tags.map((tag) => tag.trim()).filter(Boolean).join("，");

/** Each setting the other person changed, as it now reads: overwriting puts this writer's back. */
function settingChanges(base: StorySettings, theirs: ConflictInfo): string[] {
  const now = theirs.settings;
  const lines: string[] = [];
  if (base.slug !== now.slug) lines.push(`网址别名：${now.slug}`);
  if (base.sectionId !== now.sectionId) lines.push(`栏目：${theirs.sectionName ?? "（无栏目）"}`);
  if (tagList(base.tags) !== tagList(now.tags)) lines.push(`标签：${tagList(now.tags) || "（无标签）"}`);
  if (base.leadMediaId !== now.leadMediaId) lines.push(now.leadMediaId ? "题图：已更换" : "题图：已移除");
  if (base.source.trim() !== now.source) lines.push(`来源：${now.source || "（空）"}`);
  if (base.editorOfRecordId !== now.editorOfRecordId) lines.push(`责任编辑：${theirs.editorOfRecordName ?? "（未指定）"}`);
  return lines;
}

/** What the other person changed since this writer's edit began; the writer's own text stays in the form. */
export function ConflictPanel({ base, baseSettings, theirs, onTakeTheirs, onOverwrite }: Props) {
  const changed = FIELDS.map((field) => ({ ...field, parts: characterDiff(base[field.key], theirs[field.key]) })).filter((field) => hasChanges(field.parts));
  const settings = settingChanges(baseSettings, theirs);
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{theirs.editorName} 的改动</h2>
      {changed.length === 0 && settings.length === 0 ? <p>对方的保存没有改动文字和设置。</p> : null}
      {changed.map((field) => (
        <div key={field.key}>
          <h3>{field.label}</h3>
          <DiffText parts={field.parts} />
        </div>
      ))}
      {settings.length > 0 ? (
        <div>
          <h3>设置</h3>
          <ul>
            {settings.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
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
