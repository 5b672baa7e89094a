"use client";

import { Field } from "@/components/ui/field";
import type { MediaView } from "@/lib/data/public-shared";

export type MetaValues = {
  slug: string;
  sectionId: string | null;
  tags: string[];
  leadMediaId: string | null;
  /** 来源. */
  source: string;
  /** 责任编辑. */
  editorOfRecordId: string | null;
};
export type MetaOptions = {
  sections: { id: string; name: string; slug: string }[];
  media: (MediaView & { id: string })[];
  /** Who may be named 责任编辑. */
  editors: { id: string; name: string }[];
};

type Props = {
  values: MetaValues;
  onChange: (patch: Partial<MetaValues>) => void;
  options: MetaOptions;
  errors: Record<string, string[]>;
  slugEditable: boolean;
  slugLocked: boolean;
  /** Only editors choose the editor of record; others see who it is. */
  editorOfRecordEditable: boolean;
  editorOfRecordName: string | null;
};

/** Section, tags, slug, lead image, source and editor of record: the settings around the text. */
export function StoryMetaFields({ values, onChange, options, errors, slugEditable, slugLocked, editorOfRecordEditable, editorOfRecordName }: Props) {
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
      <Field label="题图" name="leadMediaId" error={errors.leadMediaId}>
        {(props) => (
          <select {...props} value={values.leadMediaId ?? ""} onChange={(e) => onChange({ leadMediaId: e.target.value || null })}>
            <option value="">（无题图）</option>
            {options.media.map((item) => (
              <option key={item.id} value={item.id}>
                {item.alt}
              </option>
            ))}
          </select>
        )}
      </Field>
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
