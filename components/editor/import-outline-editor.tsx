"use client";

import Link from "next/link";
import { useActionState, useMemo, useState, useTransition, type FormEvent } from "react";
import { createImportDrafts, type ImportCreated, type ImportPreview } from "@/lib/actions/import";
import type { ActionResult } from "@/lib/actions/result";
import { applyItemCommand, ITEM_COMMAND_DONE, ITEM_COMMAND_NOTHING, type ItemCommand } from "@/lib/import/outline-commands";
import { joinWithPreviousList, listCaptionToItem, placeParagraph, type ParagraphTarget } from "@/lib/import/outline-edit";
import { editList, fromEditLists, keyMaker, renumber, toEditLists, type EditList } from "@/lib/import/outline-model";
import { outlineIssuePlace } from "@/lib/validation/import-outline";
import { ImportDuplicates } from "./import-duplicates";
import { LeadCaptionMover } from "./import-outline-lead-caption";
import { OutlineItem } from "./import-outline-item";
import { OutlineParagraphs } from "./import-outline-paragraphs";
import "./import-outline.css";

type Props = { preview: ImportPreview; sections: { id: string; name: string }[] };

export function ImportOutlineEditor({ preview, sections }: Props) {
  const makeKey = useMemo(() => keyMaker(), []);
  const [lists, setLists] = useState<EditList[]>(() => toEditLists(preview.roundups, makeKey));
  const [status, setStatus] = useState("");
  const [sectionId, setSectionId] = useState("");
  const [tags, setTags] = useState("");
  const [created, createAction, createPending] = useActionState<ActionResult<ImportCreated>, FormData>(createImportDrafts, { ok: false });
  const [, startTransition] = useTransition();

  const itemCount = lists.reduce((sum, list) => sum + list.items.length, 0);
  const unplaced = lists.reduce((sum, list) => sum + list.unassigned.length, 0);
  // What this import would repeat: found at preview, or by the server when creating (the title or
  // year may have been changed in the outline since).
  const duplicates = (!created.ok && created.data?.duplicates) || preview.duplicates;

  function apply(next: EditList[] | null, done: string, nothing: string) {
    if (next) setLists(next);
    if (done || nothing) setStatus(next ? done : nothing);
  }

  function onItem(listIndex: number, itemIndex: number, command: ItemCommand) {
    const next = applyItemCommand(lists, listIndex, itemIndex, command, makeKey);
    apply(next, ITEM_COMMAND_DONE[command.kind], ITEM_COMMAND_NOTHING[command.kind]);
  }

  function onParagraph(listIndex: number, paragraphIndex: number, target: ParagraphTarget) {
    const next = placeParagraph(lists, listIndex, paragraphIndex, target, makeKey);
    apply(next, "段落已放好。", "这个榜单还没有条目：请先把一段设为新条目。");
  }

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The submitter says whether this is 仍然导入 (allowDuplicate=on) or the ordinary create.
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => createAction(formData));
  }

  if (created.ok && created.data) {
    return (
      <section aria-labelledby="done-title" className="notice notice-success">
        <h2 id="done-title">已创建草稿</h2>
        <ul>
          {created.data.roundups.map((roundup) => (
            <li key={roundup.id}>
              <Link href={`/editor/roundups/${roundup.id}`}>{roundup.title}</Link>：草稿榜单，含 {roundup.stories.length} 篇草稿报道
              <ol aria-label={`${roundup.title}的草稿报道`}>
                {roundup.stories.map((story) => (
                  <li key={story.id} value={story.rank}>
                    <Link href={`/editor/stories/${story.id}`}>{story.title}</Link>
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
        <p>
          <a href="/editor/import">再导入一份文档</a>
        </p>
      </section>
    );
  }

  // Field errors come keyed by the outline path ("outline.roundups.0.items.2.title"): say where, in words.
  const problems = !created.ok
    ? Object.entries(created.fieldErrors ?? {}).flatMap(([path, messages]) => {
        const place = outlineIssuePlace(path.split("."));
        return messages.map((message) => (place ? `${place}：${message}` : message));
      })
    : [];

  return (
    <section aria-labelledby="outline-title" className="outline">
      <h2 id="outline-title">
        核对与修改：{lists.length} 个榜单，共 {itemCount} 条
      </h2>
      <p className="muted">
        在这里改好标题、序号、正文和图片说明后再创建；创建前不会写入任何内容。按钮都可以用键盘操作：先在输入框里放好光标，再按 Tab 移到按钮。
      </p>
      <p role="status" aria-live="polite" className="form-ok">
        {status}
      </p>

      {lists.map((list, listIndex) => {
        const listLabel = `榜单${listIndex + 1}`;
        const setField = (patch: Parameters<typeof editList>[2]) => setLists(editList(lists, listIndex, patch));
        return (
          <section key={list.key} className="outline-list" aria-label={`${listLabel}：${list.title || "（未命名）"}`}>
            <h3>
              {listLabel}：{list.title || "（未命名）"}
            </h3>
            <div className="outline-fields">
              <label className="outline-wide">
                榜单标题
                <input value={list.title} onChange={(event) => setField({ title: event.target.value })} />
              </label>
              <label>
                年份
                <input type="number" min={1900} max={2100} inputMode="numeric" value={list.year} onChange={(event) => setField({ year: event.target.value })} />
              </label>
              <label>
                评选单位
                <input value={list.publisher} onChange={(event) => setField({ publisher: event.target.value })} />
              </label>
              <label>
                排序
                <select value={list.ordering} onChange={(event) => setField({ ordering: event.target.value === "date" ? "date" : "rank" })}>
                  <option value="rank">按名次</option>
                  <option value="date">按时间先后（不分名次）</option>
                </select>
              </label>
              <label className="outline-wide">
                导语
                <textarea rows={2} value={list.intro} onChange={(event) => setField({ intro: event.target.value })} />
              </label>
              <label className="outline-wide">
                结语（列表之后的文字）
                <textarea rows={2} value={list.outro} onChange={(event) => setField({ outro: event.target.value })} />
              </label>
              <label>
                榜单图片说明
                <input value={list.caption} onChange={(event) => setField({ caption: event.target.value })} />
              </label>
              <label>
                榜单图片署名
                <input value={list.credit} onChange={(event) => setField({ credit: event.target.value })} />
              </label>
            </div>
            <div className="actions">
              {list.caption || list.credit ? (
                <LeadCaptionMover
                  count={list.items.length}
                  onMove={(itemIndex) => apply(listCaptionToItem(lists, listIndex, itemIndex), `榜单图片说明已移到第${itemIndex + 1}条。`, "没有可移动的图片说明。")}
                />
              ) : null}
              <button type="button" className="button button-secondary button-small" onClick={() => apply(renumber(lists, listIndex), "已按当前顺序重新编号。", "")}>
                重新编号
              </button>
              {listIndex > 0 ? (
                <button type="button" className="button button-secondary button-small" onClick={() => apply(joinWithPreviousList(lists, listIndex), "已并入上一个榜单。", "")}>
                  并入上一个榜单
                </button>
              ) : null}
            </div>
            {list.items.length === 0 ? <p className="muted">这个榜单还没有条目：请把下面的段落设为条目。</p> : null}
            <ol className="outline-items">
              {list.items.map((item, itemIndex) => (
                <OutlineItem key={item.key} item={item} index={itemIndex} count={list.items.length} listLabel={listLabel} onCommand={(command) => onItem(listIndex, itemIndex, command)} />
              ))}
            </ol>
            <OutlineParagraphs paragraphs={list.unassigned} listLabel={listLabel} hasItems={list.items.length > 0} onPlace={(index, target) => onParagraph(listIndex, index, target)} />
          </section>
        );
      })}

      <form className="form form-wide" onSubmit={onCreate} aria-describedby={!created.ok && created.message && !created.data?.duplicates ? "create-error" : undefined}>
        <input type="hidden" name="outline" value={JSON.stringify({ roundups: fromEditLists(lists) })} />
        {/* The document's text, for the duplicate check's fingerprint only. */}
        <textarea name="text" value={preview.text} readOnly hidden />
        <fieldset className="outline-fields">
          <legend>导入的报道统一设置（可不选）</legend>
          <label>
            栏目
            <select name="sectionId" value={sectionId} onChange={(event) => setSectionId(event.target.value)} aria-describedby={created.fieldErrors?.sectionId ? "import-section-error" : undefined}>
              <option value="">（无栏目）</option>
              {sections.map((section) => (
                <option key={section.id} value={section.id}>
                  {section.name}
                </option>
              ))}
            </select>
            {created.fieldErrors?.sectionId ? (
              <span id="import-section-error" className="field-error">
                {created.fieldErrors.sectionId.join(" ")}
              </span>
            ) : null}
          </label>
          <label>
            标签
            <input name="tags" value={tags} onChange={(event) => setTags(event.target.value)} aria-describedby={created.fieldErrors?.tags ? "import-tags-hint import-tags-error" : "import-tags-hint"} />
            <span id="import-tags-hint" className="muted">
              用逗号或顿号分隔，最多 10 个；每篇报道的导语取自其正文第一句。
            </span>
            {created.fieldErrors?.tags ? (
              <span id="import-tags-error" className="field-error">
                {created.fieldErrors.tags.join(" ")}
              </span>
            ) : null}
          </label>
        </fieldset>
        {!created.ok && created.data?.duplicates ? <ImportDuplicates duplicates={created.data.duplicates} /> : null}
        {!created.ok && created.message && !created.data?.duplicates ? (
          <div id="create-error" className="form-error" role="alert">
            <p className="outline-message">{created.message}</p>
            {problems.length > 0 ? (
              <ul>
                {problems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {unplaced > 0 ? <p className="muted">还有 {unplaced} 段文字未归入任何条目：创建前请把它们放好或删除。</p> : null}
        <div>
          {duplicates.length > 0 ? (
            <>
            <button className="button" type="submit" name="allowDuplicate" value="on" disabled={createPending}>
              {createPending ? "正在创建…" : `仍然导入（再创建 ${lists.length} 个榜单，${itemCount} 篇报道）`}
            </button>
            <span className="muted"> 可能重复导入：见上面列出的榜单。</span>
            </>
          ) : (
            <button className="button" type="submit" disabled={createPending}>
              {createPending ? "正在创建…" : `创建草稿（${lists.length} 个榜单，${itemCount} 篇报道）`}
            </button>
          )}
        </div>
        {createPending ? (
          <p role="status" className="progress-line">
            <progress aria-label="创建进度" /> 正在创建 {itemCount} 篇草稿报道…
          </p>
        ) : null}
      </form>
    </section>
  );
}
