"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { autosaveStory, saveStory, type SaveData } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { ConflictInfo, StoryContent } from "@/lib/data/stories";
import { BODY_TOO_LONG, STORY_BODY_MAX } from "@/lib/validation/story";
import { ConflictPanel } from "./conflict-panel";
import { BodyEditor } from "./body-editor";
import { StoryMetaFields, type MetaOptions, type MetaValues } from "./story-meta-fields";
import { useStoryLock } from "./use-story-lock";

const AUTOSAVE_MS = 5_000;

export type EditorStory = StoryContent &
  MetaValues & { id: string; version: number; canEdit: boolean; slugLocked: boolean; autosave: boolean };

type Props = { story: EditorStory; options: MetaOptions; isEditor: boolean };

const initial: ActionResult<SaveData> = { ok: false };

export function StoryEditor({ story, options, isEditor }: Props) {
  const [content, setContent] = useState<StoryContent>({ title: story.title, dek: story.dek, body: story.body, byline: story.byline });
  const [meta, setMeta] = useState<MetaValues>({ slug: story.slug, sectionId: story.sectionId, tags: story.tags, leadMediaId: story.leadMediaId });
  // The version this edit is based on and the text as saved at that version (the diff base on conflict).
  const [version, setVersion] = useState(story.version);
  const [saved, setSaved] = useState<StoryContent>(content);
  const [savedMeta, setSavedMeta] = useState<MetaValues>(meta);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [autoNote, setAutoNote] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const { lock, touch, takeOver } = useStoryLock(story.id, story.canEdit);

  const dirty = JSON.stringify(content) !== JSON.stringify(saved) || JSON.stringify(meta) !== JSON.stringify(savedMeta);

  function afterSave(result: ActionResult<SaveData>, sent: StoryContent, sentMeta: MetaValues) {
    if (result.ok && result.data) {
      const slug = result.data.slug;
      setVersion(result.data.version);
      setSaved(sent);
      setSavedMeta({ ...sentMeta, slug });
      setConflict(null);
      // The server may have changed the slug (made unique, or kept after publication).
      setMeta((m) => (m.slug === sentMeta.slug ? { ...m, slug } : m));
    } else if (result.data?.conflict) {
      setConflict(result.data.conflict);
    }
  }

  const [state, formAction, pending] = useActionState(async (prev: ActionResult<SaveData>, formData: FormData) => {
    const sent = { ...content };
    const sentMeta = { ...meta };
    // A body far over the limit (a pasted book) would also be over the request size limit, and the
    // server could only refuse the whole request: say it next to the field without sending.
    if (sent.body.length > STORY_BODY_MAX) return { ok: false, code: "TOO_LARGE", message: "请检查标出的字段。", fieldErrors: { body: [BODY_TOO_LONG] } } satisfies ActionResult<SaveData>;
    const result = await saveStory(prev, formData);
    afterSave(result, sent, sentMeta);
    return result;
  }, initial);

  // Warn before leaving with unsaved text (the browser shows its own wording).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Autosave the working copy (no revision) while the story is not live; stops at a conflict.
  useEffect(() => {
    if (!story.autosave || !story.canEdit || !dirty || conflict || pending) return;
    const timer = window.setTimeout(async () => {
      const form = formRef.current;
      if (!form) return;
      const sent = { ...content };
      const sentMeta = { ...meta };
      if (sent.body.length > STORY_BODY_MAX) return setAutoNote(BODY_TOO_LONG);
      const result = await autosaveStory({ ok: false }, new FormData(form));
      afterSave(result, sent, sentMeta);
      setAutoNote(result.ok ? `已自动保存（${new Date().toLocaleTimeString("zh-CN", { hour12: false })}）` : (result.message ?? null));
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [content, meta, dirty, conflict, pending, story.autosave, story.canEdit]);

  const errors = state.fieldErrors ?? {};
  const update = (patch: Partial<StoryContent>) => {
    touch();
    setContent((c) => ({ ...c, ...patch }));
  };
  const disabled = !story.canEdit;

  return (
    <form ref={formRef} action={formAction} className="story-form" noValidate>
      {lock && !lock.mine && lock.holderName ? (
        <div className="lock-banner" role="status">
          <span>{lock.holderName} 正在编辑</span>
          <button type="button" className="button button-secondary" onClick={() => void takeOver()}>
            接管编辑
          </button>
        </div>
      ) : null}
      <input type="hidden" name="id" value={story.id} />
      <input type="hidden" name="baseVersion" value={version} />
      <Field label="标题" name="title" error={errors.title}>
        {(props) => <input {...props} value={content.title} onChange={(e) => update({ title: e.target.value })} readOnly={disabled} />}
      </Field>
      <Field label="导语" name="dek" error={errors.dek}>
        {(props) => <textarea {...props} rows={2} value={content.dek} onChange={(e) => update({ dek: e.target.value })} readOnly={disabled} />}
      </Field>
      <BodyEditor value={content.body} onChange={(body) => update({ body })} disabled={disabled} error={errors.body} />
      <Field label="署名" name="byline" error={errors.byline}>
        {(props) => <input {...props} value={content.byline} onChange={(e) => update({ byline: e.target.value })} readOnly={disabled} />}
      </Field>
      <StoryMetaFields
        values={meta}
        onChange={(patch) => {
          touch();
          setMeta((m) => ({ ...m, ...patch }));
        }}
        options={options}
        errors={errors}
        slugEditable={!disabled && (!story.slugLocked || isEditor)}
        slugLocked={story.slugLocked}
      />
      <div className="actions">
        <button className="button" type="submit" disabled={pending || disabled}>
          {pending ? "正在保存…" : "保存"}
        </button>
        <span className="muted">第 {version} 版{dirty ? " · 有未保存的修改" : ""}</span>
      </div>
      <p role="status" className={state.ok ? "form-ok" : "form-error"}>
        {state.message ?? autoNote ?? ""}
      </p>
      {conflict ? (
        <ConflictPanel
          base={saved}
          theirs={conflict}
          onTakeTheirs={() => {
            const theirs = { title: conflict.title, dek: conflict.dek, body: conflict.body, byline: conflict.byline };
            setContent(theirs);
            setSaved(theirs);
            setVersion(conflict.version);
            setConflict(null);
          }}
          onOverwrite={() => {
            setVersion(conflict.version);
            setSaved({ title: conflict.title, dek: conflict.dek, body: conflict.body, byline: conflict.byline });
            setConflict(null);
            // Submit after React has written the new base version into the hidden field.
            requestAnimationFrame(() => formRef.current?.requestSubmit());
          }}
        />
      ) : null}
    </form>
  );
}

type FieldProps = { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string };

function Field({ label, name, error, children }: { label: string; name: string; error?: string[]; children: (props: FieldProps) => React.ReactNode }) {
  const errorId = `${name}-error`;
  return (
    <label>
      {label}
      {children({ id: `story-${name}`, name, "aria-invalid": !!error, "aria-describedby": error ? errorId : undefined })}
      {error ? (
        <span id={errorId} className="field-error">
          {error.join(" ")}
        </span>
      ) : null}
    </label>
  );
}
