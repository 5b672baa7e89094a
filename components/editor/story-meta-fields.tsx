"use client";

export type MetaValues = { slug: string; sectionId: string | null; tags: string[]; leadMediaId: string | null };
export type MetaOptions = { sections: { id: string; name: string }[]; media: { id: string; alt: string }[] };

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
      <label>
        题图
        <select name="leadMediaId" value={values.leadMediaId ?? ""} onChange={(e) => onChange({ leadMediaId: e.target.value || null })} aria-describedby={describedBy(errors, "leadMediaId")}>
          <option value="">（无题图）</option>
          {options.media.map((item) => (
            <option key={item.id} value={item.id}>
              {item.alt}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="leadMediaId" />
      </label>
    </fieldset>
  );
}
