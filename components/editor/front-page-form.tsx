"use client";

import { useState } from "react";
import { updateFrontPage } from "@/lib/actions/front-page";
import type { ActionResult } from "@/lib/actions/result";
import type { FrontPageChoices } from "@/lib/data/front-page";
import { MAX_PINNED } from "@/lib/validation/front-page";
import { FieldError } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { useFormAction } from "@/components/ui/use-form-action";

const initial: ActionResult = { ok: false };

/** The featured roundup (or "the newest") and up to MAX_PINNED pinned stories, in the order ticked. */
export function FrontPageForm({ choices }: { choices: FrontPageChoices }) {
  // Submitted from onSubmit (useFormAction): a refused choice stays as chosen.
  const [state, onSubmit, pending, action] = useFormAction(updateFrontPage, initial);
  const [featured, setFeatured] = useState(choices.featuredRoundupId ?? "");
  const [pinned, setPinned] = useState<string[]>(choices.pinned.map((story) => story.id));
  const errors = state.fieldErrors ?? {};
  const toggle = (id: string, on: boolean) => setPinned((current) => (on ? [...current, id] : current.filter((other) => other !== id)));
  return (
    <form action={action} onSubmit={onSubmit} className="stack">
      {choices.dropped.length > 0 ? (
        <div role="note" className="muted">
          <p>以下选择已不再生效，保存时会一并去掉：</p>
          <ul>
            {choices.dropped.map((line) => (
              <li key={line}>{line}。</li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset aria-describedby={errors.featuredRoundupId ? "featured-error" : undefined}>
        <legend>首页榜单</legend>
        <label>
          <input type="radio" name="featuredRoundupId" value="" checked={featured === ""} onChange={() => setFeatured("")} /> 自动：最新发布的榜单
        </label>
        {choices.roundups.map((roundup) => (
          <label key={roundup.id}>
            <input type="radio" name="featuredRoundupId" value={roundup.id} checked={featured === roundup.id} onChange={() => setFeatured(roundup.id)} /> {roundup.title}
            <span className="muted">（{roundup.year} 年）</span>
          </label>
        ))}
        <FieldError id="featured-error" messages={errors.featuredRoundupId} />
      </fieldset>
      <fieldset aria-describedby={errors.pinnedStoryIds ? "pinned-error" : "pinned-hint"}>
        <legend>置顶报道（最多 {MAX_PINNED} 篇，按勾选顺序显示在“最新报道”之上）</legend>
        <p id="pinned-hint" className="muted">
          已选 {pinned.length} 篇。只列出最近发布的报道。
        </p>
        {/* Hidden inputs carry the order the boxes were ticked in; the boxes themselves are only for choosing. */}
        {pinned.map((id) => (
          <input key={id} type="hidden" name="pinnedStoryIds" value={id} />
        ))}
        {choices.candidates.map((story) => (
          <label key={story.id}>
            <input
              type="checkbox"
              checked={pinned.includes(story.id)}
              disabled={!pinned.includes(story.id) && pinned.length >= MAX_PINNED}
              onChange={(event) => toggle(story.id, event.target.checked)}
            />{" "}
            {story.title}
            {pinned.includes(story.id) ? <span className="muted">（第 {pinned.indexOf(story.id) + 1} 位）</span> : null}
          </label>
        ))}
        <FieldError id="pinned-error" messages={errors.pinnedStoryIds} />
      </fieldset>
      <div className="actions">
        <button className="button" type="submit" disabled={pending}>
          {pending ? "正在保存…" : "保存首页编排"}
        </button>
      </div>
      <OutcomeLine result={state} live />
    </form>
  );
}
