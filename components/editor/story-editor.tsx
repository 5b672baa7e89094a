"use client";

import { useActionState, useDeferredValue, useEffect, useRef, useState } from "react";
import { StoryArticle } from "@/components/site/story-article";
import { Field } from "@/components/ui/field";
import { OutcomeLine } from "@/components/ui/outcome-line";
import { autosaveStory, saveStory, type SaveData } from "@/lib/actions/stories";
import type { ActionResult } from "@/lib/actions/result";
import type { ConflictInfo, StoryContent } from "@/lib/data/stories";
import { SaveQueue } from "@/lib/editor/save-queue";
import { formatClock } from "@/lib/format";
import type { PickerMedia } from "@/lib/media/picker";
import { BODY_TOO_LONG, STORY_BODY_MAX } from "@/lib/validation/story";
import { ConflictPanel } from "./conflict-panel";
import { BodyEditor } from "./body-editor";
import { StoryMetaFields, type MetaOptions, type MetaValues } from "./story-meta-fields";
import { useStoryLock } from "./use-story-lock";

const AUTOSAVE_MS = 5_000;

export type EditorStory = StoryContent &
  MetaValues & {
    id: string;
    /** The optimistic-lock version the first save names. */
    version: number;
    /** The visible 第 N 版. */
    revision: number;
    publishedAt: string | null;
    editorOfRecordName: string | null;
    canEdit: boolean;
    slugLocked: boolean;
    autosave: boolean;
  };

type Props = { story: EditorStory; options: MetaOptions; isEditor: boolean };

type Result = ActionResult<SaveData>;
const initial: Result = { ok: false };

/** The autosave line beside 保存: neutral while things go well, an error only when a save failed. */
type AutoStatus = { ok: boolean; text: string } | null;

export function StoryEditor({ story, options, isEditor }: Props) {
  const [content, setContent] = useState<StoryContent>({ title: story.title, dek: story.dek, body: story.body, byline: story.byline });
  const [meta, setMeta] = useState<MetaValues>({
    slug: story.slug,
    sectionId: story.sectionId,
    tags: story.tags,
    leadMediaId: story.leadMediaId,
    source: story.source,
    editorOfRecordId: story.editorOfRecordId,
  });
  // The visible revision number, and the text as saved (the diff base on conflict).
  const [revision, setRevision] = useState(story.revision);
  const [saved, setSaved] = useState<StoryContent>(content);
  const [savedMeta, setSavedMeta] = useState<MetaValues>(meta);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [autoStatus, setAutoStatus] = useState<AutoStatus>(null);
  const [autosaving, setAutosaving] = useState(false);
  // The lead photo as last picked, for the live preview.
  const [lead, setLead] = useState<PickerMedia | null>(options.lead);
  const formRef = useRef<HTMLFormElement>(null);
  // One queue for autosave and 保存: it owns the lock version, so no two saves ever name the same one.
  const queue = useRef<SaveQueue<Result> | null>(null);
  queue.current ??= new SaveQueue<Result>(story.version, (result) => (result.ok && result.data ? result.data.version : null));
  const { lock, touch, takeOver } = useStoryLock(story.id, story.canEdit);

  const dirty = JSON.stringify(content) !== JSON.stringify(saved) || JSON.stringify(meta) !== JSON.stringify(savedMeta);

  function afterSave(result: Result, sent: StoryContent, sentMeta: MetaValues) {
    if (result.ok && result.data) {
      const slug = result.data.slug;
      setRevision(result.data.revision);
      setSaved(sent);
      setSavedMeta({ ...sentMeta, slug });
      setConflict(null);
      // The server may have changed the slug (made unique, or kept after publication).
      setMeta((m) => (m.slug === sentMeta.slug ? { ...m, slug } : m));
    } else if (result.data?.conflict) {
      setConflict(result.data.conflict);
    }
  }

  /** Sends the form through the queue: the base version is the one the previous save left. */
  function send(kind: "auto" | "manual", formData: FormData, sent: StoryContent, sentMeta: MetaValues): Promise<Result | null> {
    const action = kind === "auto" ? autosaveStory : saveStory;
    return queue.current!.run(kind, async (baseVersion) => {
      formData.set("baseVersion", String(baseVersion));
      const result = await action(initial, formData);
      afterSave(result, sent, sentMeta);
      return result;
    });
  }

  const [state, formAction, pending] = useActionState(async (prev: Result, formData: FormData): Promise<Result> => {
    const sent = { ...content };
    const sentMeta = { ...meta };
    // A body far over the limit (a pasted book) would also be over the request size limit, and the
    // server could only refuse the whole request: say it next to the field without sending.
    if (sent.body.length > STORY_BODY_MAX) return { ok: false, code: "TOO_LARGE", message: "请检查标出的字段。", fieldErrors: { body: [BODY_TOO_LONG] } };
    // Waits for an autosave in flight, then saves on the version it returned.
    return (await send("manual", formData, sent, sentMeta)) ?? prev;
  }, initial);

  // Warn before leaving with unsaved text (the browser shows its own wording).
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // Autosave the working copy (no revision, no new 第 N 版) while the story is not live; stops at a conflict.
  useEffect(() => {
    if (!story.autosave || !story.canEdit || !dirty || conflict || pending || autosaving) return;
    const timer = window.setTimeout(async () => {
      const form = formRef.current;
      if (!form) return;
      const sent = { ...content };
      const sentMeta = { ...meta };
      if (sent.body.length > STORY_BODY_MAX) return setAutoStatus({ ok: false, text: BODY_TOO_LONG });
      setAutosaving(true);
      try {
        const result = await send("auto", new FormData(form), sent, sentMeta);
        if (result) setAutoStatus(result.ok ? { ok: true, text: `已自动保存 ${formatClock(new Date())}` } : { ok: false, text: result.message ?? "自动保存失败。" });
      } catch {
        setAutoStatus({ ok: false, text: "自动保存失败：连接中断，文字仍在编辑器中。" });
      } finally {
        setAutosaving(false);
      }
    }, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
    // send only reaches state setters and the queue ref besides what is listed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [content, meta, dirty, conflict, pending, autosaving, story.autosave, story.canEdit]);

  const errors = state.fieldErrors ?? {};
  const update = (patch: Partial<StoryContent>) => {
    touch();
    setContent((c) => ({ ...c, ...patch }));
  };
  const disabled = !story.canEdit;
  // The live preview lags the keystrokes a little under load instead of slowing typing down.
  const preview = useDeferredValue({ content, meta });

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
      <Field label="标题" name="title" id="story-title" error={errors.title}>
        {(props) => <input {...props} value={content.title} onChange={(e) => update({ title: e.target.value })} readOnly={disabled} />}
      </Field>
      <Field label="导语" name="dek" id="story-dek" error={errors.dek}>
        {(props) => <textarea {...props} rows={2} value={content.dek} onChange={(e) => update({ dek: e.target.value })} readOnly={disabled} />}
      </Field>
      <BodyEditor value={content.body} onChange={(body) => update({ body })} disabled={disabled} error={errors.body} />
      <Field label="署名" name="byline" id="story-byline" hint="印在报道上的作者，例如：本报记者 邹乃硕 张野" error={errors.byline}>
        {(props) => <input {...props} value={content.byline} onChange={(e) => update({ byline: e.target.value })} readOnly={disabled} />}
      </Field>
      <StoryMetaFields
        values={meta}
        onChange={(patch) => {
          touch();
          setMeta((m) => ({ ...m, ...patch }));
        }}
        onLeadPicked={setLead}
        options={options}
        errors={errors}
        slugEditable={!disabled && (!story.slugLocked || isEditor)}
        slugLocked={story.slugLocked}
        editorOfRecordEditable={!disabled && isEditor}
        editorOfRecordName={story.editorOfRecordName}
      />
      {/* Drawn by the public page's own renderer; open at first, folded away by those who don't want it. */}
      <details className="live-preview" open>
        <summary>实时预览</summary>
        <section aria-label="预览">
          <StoryArticle story={previewOf(preview.content, preview.meta, story, options, lead)} headingLevel={2} />
        </section>
      </details>
      <div className="save-bar">
        <button className="button" type="submit" disabled={pending || disabled}>
          {pending ? "正在保存…" : "保存"}
        </button>
        <span className="muted">
          第 {revision} 版{dirty ? " · 有未保存的修改" : ""}
        </span>
        <span className={autoStatus && !autoStatus.ok ? "save-status save-status-error" : "save-status"} role="status">
          {autosaving ? "正在自动保存…" : (autoStatus?.text ?? "")}
        </span>
        <OutcomeLine result={state} />
      </div>
      {conflict ? (
        <ConflictPanel
          base={saved}
          baseSettings={savedMeta}
          theirs={conflict}
          onTakeTheirs={() => {
            const theirs = { title: conflict.title, dek: conflict.dek, body: conflict.body, byline: conflict.byline };
            setContent(theirs);
            setSaved(theirs);
            // Their settings too: otherwise the next save would quietly put this tab's old ones back.
            setMeta(conflict.settings);
            setSavedMeta(conflict.settings);
            setRevision(conflict.revision);
            queue.current!.setBaseVersion(conflict.version);
            setConflict(null);
          }}
          onOverwrite={() => {
            queue.current!.setBaseVersion(conflict.version);
            setSaved({ title: conflict.title, dek: conflict.dek, body: conflict.body, byline: conflict.byline });
            setSavedMeta(conflict.settings);
            setConflict(null);
            formRef.current?.requestSubmit();
          }}
        />
      ) : null}
    </form>
  );
}

/** The story as it would read now, in the public renderer's shape. */
function previewOf(content: StoryContent, meta: MetaValues, story: EditorStory, options: MetaOptions, lead: PickerMedia | null) {
  const section = options.sections.find((s) => s.id === meta.sectionId) ?? null;
  const media = lead && lead.id === meta.leadMediaId ? { alt: lead.alt, caption: lead.caption, credit: lead.credit, storageKey: lead.storageKey, width: null, height: null, variants: [] } : null;
  const editor = meta.editorOfRecordId === story.editorOfRecordId ? story.editorOfRecordName : (options.editors.find((e) => e.id === meta.editorOfRecordId)?.name ?? null);
  return {
    ...content,
    source: meta.source.trim(),
    editorOfRecord: editor,
    publishedAt: story.publishedAt,
    correction: null,
    correctedAt: null,
    section: section ? { slug: section.slug, name: section.name } : null,
    tags: meta.tags.map((name) => name.trim()).filter(Boolean).map((name) => ({ slug: null, name })),
    leadMedia: media,
    placement: null,
    shareUrl: null,
  };
}
