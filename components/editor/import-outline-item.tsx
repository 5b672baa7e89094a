"use client";

import { useRef } from "react";
import type { ItemCommand } from "@/lib/import/outline-commands";
import type { EditItem } from "@/lib/import/outline-model";

type Props = {
  item: EditItem;
  index: number;
  count: number;
  listLabel: string;
  onCommand: (command: ItemCommand) => void;
};

export function OutlineItem({ item, index, count, listLabel, onCommand }: Props) {
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const id = `${item.key}`;
  const label = `${listLabel}第${index + 1}条`;
  const hasCaption = item.caption.trim() !== "" || item.credit.trim() !== "";
  // The cursor stays where the editor left it in a field after focus moves to a button.
  const bodyCursor = () => bodyRef.current?.selectionStart ?? item.body.length;
  const titleCursor = () => titleRef.current?.selectionStart ?? item.title.length;

  return (
    <li className="outline-item">
      <article aria-label={label}>
        <div className="outline-item-head">
          <label className="outline-rank">
            序号
            <input
              type="number"
              min={1}
              inputMode="numeric"
              value={item.rank}
              onChange={(event) => onCommand({ kind: "edit", patch: { rank: Number(event.target.value) } })}
            />
          </label>
          <label className="outline-grow">
            标题
            <input ref={titleRef} id={`${id}-title`} value={item.title} onChange={(event) => onCommand({ kind: "edit", patch: { title: event.target.value } })} />
          </label>
        </div>
        <label>
          正文（段落之间空一行）
          <textarea ref={bodyRef} rows={Math.min(10, 3 + item.body.split("\n").length)} value={item.body} onChange={(event) => onCommand({ kind: "edit", patch: { body: event.target.value } })} />
        </label>
        <div className="outline-row">
          <label className="outline-grow">
            图片说明
            <input value={item.caption} onChange={(event) => onCommand({ kind: "edit", patch: { caption: event.target.value } })} />
          </label>
          <label className="outline-grow">
            图片署名
            <input value={item.credit} onChange={(event) => onCommand({ kind: "edit", patch: { credit: event.target.value } })} />
          </label>
          <label className="outline-votes">
            得票数
            <input inputMode="numeric" value={item.votes} onChange={(event) => onCommand({ kind: "edit", patch: { votes: event.target.value } })} />
          </label>
        </div>
        <div className="actions" role="group" aria-label={`${label}的操作`}>
          <button type="button" className="button button-secondary button-small" onClick={() => onCommand({ kind: "split", cursor: bodyCursor() })}>
            在正文光标处拆分
          </button>
          <button type="button" className="button button-secondary button-small" disabled={index >= count - 1} onClick={() => onCommand({ kind: "merge-next" })}>
            与下一条合并
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onCommand({ kind: "title-tail-to-body", cursor: titleCursor() })}>
            标题光标后的文字移入正文
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onCommand({ kind: "first-paragraph-to-title" })}>
            正文首段并入标题
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onCommand({ kind: "paragraph-to-caption", cursor: bodyCursor() })}>
            光标所在段设为图片说明
          </button>
          <button type="button" className="button button-secondary button-small" disabled={!hasCaption || index === 0} onClick={() => onCommand({ kind: "caption-to", offset: -1 })}>
            图片说明移到上一条
          </button>
          <button type="button" className="button button-secondary button-small" disabled={!hasCaption || index >= count - 1} onClick={() => onCommand({ kind: "caption-to", offset: 1 })}>
            图片说明移到下一条
          </button>
          <button type="button" className="button button-secondary button-small" disabled={index === 0} onClick={() => onCommand({ kind: "move", offset: -1 })}>
            上移
          </button>
          <button type="button" className="button button-secondary button-small" disabled={index >= count - 1} onClick={() => onCommand({ kind: "move", offset: 1 })}>
            下移
          </button>
          <button type="button" className="button button-secondary button-small" disabled={index === 0} onClick={() => onCommand({ kind: "start-list" })}>
            从这一条起另成新榜单
          </button>
          <button type="button" className="button button-secondary button-small" onClick={() => onCommand({ kind: "to-paragraphs" })}>
            退回为未归类段落
          </button>
        </div>
      </article>
    </li>
  );
}
