"use client";

import { useState } from "react";
import type { PickerMedia } from "@/lib/media/picker";
import { MediaPickerDialog } from "./media-picker-dialog";

export type MetaValues = { slug: string; sectionId: string | null; tags: string[]; leadMediaId: string | null };
/** The current lead photo comes as the picker shows it, for its thumbnail. */
export type MetaOptions = { sections: { id: string; name: string }[]; lead: PickerMedia | null };

type Props = {
  values: MetaValues;
  onChange: (patch: Partial<MetaValues>) => void;
  options: MetaOptions;
  errors: Record<string, string[]>;
  slugEditable: boolean;
  slugLocked: boolean;
};

function describedBy(errors: Record<string, string[]>, name: string, hint?: string): string | undefined {
  return [errors[name] ? `${name}-error` : null, hint ?? null].filter(Boolean).join(" ") || undefined;
}

function FieldError({ errors, name }: { errors: Record<string, string[]>; name: string }) {
  const messages = errors[name];
  return messages ? (
    <span id={`${name}-error`} className="field-error">
      {messages.join(" ")}
    </span>
  ) : null;
}

/** Section, tags, slug and lead image: the settings around the text. */
export function StoryMetaFields({ values, onChange, options, errors, slugEditable, slugLocked }: Props) {
  return (
    <fieldset className="story-meta">
      <legend>设置</legend>
      <label>
        网址别名
        <input
          name="slug"
          value={values.slug}
          onChange={(e) => onChange({ slug: e.target.value })}
          readOnly={!slugEditable}
          aria-invalid={!!errors.slug}
          aria-describedby={describedBy(errors, "slug", "slug-hint")}
        />
        <span id="slug-hint" className="muted">
          {slugLocked ? "报道已发布，网址保持不变；编辑修改后旧网址会自动跳转。" : "留空则按标题拼音生成；发布后固定。"}
        </span>
        <FieldError errors={errors} name="slug" />
      </label>
      <label>
        栏目
        <select name="sectionId" value={values.sectionId ?? ""} onChange={(e) => onChange({ sectionId: e.target.value || null })} aria-describedby={describedBy(errors, "sectionId")}>
          <option value="">（无栏目）</option>
          {options.sections.map((section) => (
            <option key={section.id} value={section.id}>
              {section.name}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="sectionId" />
      </label>
      <label>
        标签
        <input
          name="tags"
          value={values.tags.join("，")}
          onChange={(e) => onChange({ tags: e.target.value.split(/[,，、]/).map((t) => t.trimStart()) })}
          aria-invalid={!!errors.tags}
          aria-describedby={describedBy(errors, "tags", "tags-hint")}
        />
        <span id="tags-hint" className="muted">
          用逗号或顿号分隔，最多 10 个。
        </span>
        <FieldError errors={errors} name="tags" />
      </label>
      <LeadPhotoPicker value={values.leadMediaId} initial={options.lead} onChange={(leadMediaId) => onChange({ leadMediaId })} errors={errors} />
    </fieldset>
  );
}

/** The lead photo, chosen from the media library's thumbnails (or uploaded) in the same dialog as body images. */
function LeadPhotoPicker({ value, initial, onChange, errors }: { value: string | null; initial: PickerMedia | null; onChange: (id: string | null) => void; errors: Record<string, string[]> }) {
  const [shown, setShown] = useState<PickerMedia | null>(initial);
  const [open, setOpen] = useState(false);
  const current = value && shown?.id === value ? shown : null;
  return (
    <fieldset className="lead-picker" aria-describedby={describedBy(errors, "leadMediaId")}>
      <legend>题图</legend>
      <input type="hidden" name="leadMediaId" value={value ?? ""} />
      {current ? (
        <figure>
          {/* eslint-disable-next-line @next/next/no-img-element -- the 480 px WebP made at upload, served by /media */}
          {current.thumb ? <img src={current.thumb} alt="" /> : null}
          <figcaption>{current.alt}</figcaption>
        </figure>
      ) : (
        <p className="muted">{value ? "已选题图。" : "（无题图）"}</p>
      )}
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
          {value ? "更换题图" : "选择题图"}
        </button>
        {value ? (
          <button type="button" className="button button-secondary" onClick={() => onChange(null)}>
            移除题图
          </button>
        ) : null}
      </div>
      <FieldError errors={errors} name="leadMediaId" />
      {open ? (
        <MediaPickerDialog
          purpose="lead"
          onClose={() => setOpen(false)}
          onPick={(image) => {
            setShown(image);
            onChange(image.id);
          }}
        />
      ) : null}
    </fieldset>
  );
}
