"use client";

import { useState } from "react";
import { Field, FieldError } from "@/components/ui/field";
import type { StorySettings } from "@/lib/data/stories";
import type { PickerMedia } from "@/lib/media/picker";
import { MediaPickerDialog } from "./media-picker-dialog";

/** Slug, section, tags, lead photo, 来源 and 责任编辑: the same shape a save conflict returns them in. */
export type MetaValues = StorySettings;
/** The current lead photo comes as the picker shows it, for its thumbnail. */
export type MetaOptions = {
  sections: { id: string; name: string; slug: string }[];
  lead: PickerMedia | null;
  /** Who may be named 责任编辑. */
  editors: { id: string; name: string }[];
};

type Props = {
  values: MetaValues;
  onChange: (patch: Partial<MetaValues>) => void;
  /** The lead photo as picked, for the live preview. */
  onLeadPicked: (media: PickerMedia | null) => void;
  options: MetaOptions;
  errors: Record<string, string[]>;
  slugEditable: boolean;
  slugLocked: boolean;
  /** Only editors choose the editor of record; others see who it is. */
  editorOfRecordEditable: boolean;
  editorOfRecordName: string | null;
};

/** Section, tags, slug, lead image, source and editor of record: the settings around the text. */
export function StoryMetaFields({ values, onChange, onLeadPicked, options, errors, slugEditable, slugLocked, editorOfRecordEditable, editorOfRecordName }: Props) {
  return (
    <fieldset className="story-meta">
      <legend>设置</legend>
      <Field
        label="网址别名"
        name="slug"
        error={errors.slug}
        hint={slugLocked ? "报道已发布，网址保持不变；编辑修改后旧网址会自动跳转。" : "留空则按标题拼音生成；发布后固定。"}
      >
        {(props) => <input {...props} value={values.slug} onChange={(e) => onChange({ slug: e.target.value })} readOnly={!slugEditable} />}
      </Field>
      <Field label="栏目" name="sectionId" error={errors.sectionId}>
        {(props) => (
          <select {...props} value={values.sectionId ?? ""} onChange={(e) => onChange({ sectionId: e.target.value || null })}>
            <option value="">（无栏目）</option>
            {options.sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="标签" name="tags" error={errors.tags} hint="用逗号或顿号分隔，最多 10 个。">
        {(props) => <input {...props} value={values.tags.join("，")} onChange={(e) => onChange({ tags: e.target.value.split(/[,，、]/).map((t) => t.trimStart()) })} />}
      </Field>
      <LeadPhotoPicker
        value={values.leadMediaId}
        initial={options.lead}
        onChange={(media) => {
          onLeadPicked(media);
          onChange({ leadMediaId: media?.id ?? null });
        }}
        errors={errors}
      />
      <Field label="来源" name="source" error={errors.source} hint="印在报道下方，例如：吉林日报、新华社。">
        {(props) => <input {...props} value={values.source} maxLength={100} onChange={(e) => onChange({ source: e.target.value })} />}
      </Field>
      {editorOfRecordEditable ? (
        <Field label="责任编辑" name="editorOfRecordId" error={errors.editorOfRecordId} hint="首次发布时自动设为发布的编辑。">
          {(props) => (
            <select {...props} value={values.editorOfRecordId ?? ""} onChange={(e) => onChange({ editorOfRecordId: e.target.value || null })}>
              <option value="">（未指定）</option>
              {options.editors.map((editor) => (
                <option key={editor.id} value={editor.id}>
                  {editor.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <p className="read-only-field">
          <span>责任编辑</span> {editorOfRecordName ?? "（发布时由编辑指定）"}
        </p>
      )}
    </fieldset>
  );
}

/** The lead photo, chosen from the media library's thumbnails (or uploaded) in the same dialog as body images. */
function LeadPhotoPicker({ value, initial, onChange, errors }: { value: string | null; initial: PickerMedia | null; onChange: (media: PickerMedia | null) => void; errors: Record<string, string[]> }) {
  const [shown, setShown] = useState<PickerMedia | null>(initial);
  const [open, setOpen] = useState(false);
  const current = value && shown?.id === value ? shown : null;
  return (
    <fieldset className="lead-picker" aria-describedby={errors.leadMediaId ? "leadMediaId-error" : undefined}>
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
      <FieldError id="leadMediaId-error" messages={errors.leadMediaId} />
      {open ? (
        <MediaPickerDialog
          purpose="lead"
          onClose={() => setOpen(false)}
          onPick={(image) => {
            setShown(image);
            onChange(image);
          }}
        />
      ) : null}
    </fieldset>
  );
}
