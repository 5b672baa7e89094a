"use client";

import Link from "next/link";
import { useActionState, useRef, useState, useTransition, type FormEvent } from "react";
import { createImportDrafts, previewImport, type ImportCreated, type ImportPreview } from "@/lib/actions/import";
import type { ActionResult } from "@/lib/actions/result";
import { ImportPreviewView } from "./import-preview";

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportWizard() {
  const [preview, previewAction, previewPending] = useActionState<ActionResult<ImportPreview>, FormData>(previewImport, { ok: false });
  const [created, createAction, createPending] = useActionState<ActionResult<ImportCreated>, FormData>(createImportDrafts, { ok: false });
  const [, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  const [allowDuplicate, setAllowDuplicate] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);

  // Submitting by hand (instead of <form action>) keeps the typed text and the chosen file after an
  // error: React resets uncontrolled fields after a form action completes.
  function onPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file && file.size > MAX_BYTES) {
      setClientError(`文件过大（${(file.size / 1024 / 1024).toFixed(1)} MB）：导入文档不能超过 2 MB。`);
      return;
    }
    setClientError(null);
    setAllowDuplicate(false);
    const formData = new FormData(event.currentTarget);
    startTransition(() => previewAction(formData));
  }

  function onCreate(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => createAction(formData));
  }

  const previewData = preview.ok ? preview.data : undefined;
  const itemCount = previewData?.roundups.reduce((sum, r) => sum + r.items.length, 0) ?? 0;
  const blockedAsDuplicate = !!previewData && previewData.previousImports.length > 0 && !allowDuplicate;
  const errorMessage = clientError ?? (!preview.ok ? preview.message : undefined);

  if (created.ok && created.data) {
    return (
      <section aria-labelledby="done-title" className="notice notice-success">
        <h2 id="done-title">已创建草稿</h2>
        <ul>
          {created.data.roundups.map((roundup) => (
            <li key={roundup.id}>
              <Link href={`/editor/roundups/${roundup.id}`}>{roundup.title}</Link>：草稿榜单，含 {roundup.stories} 篇草稿报道
            </li>
          ))}
        </ul>
        <p>
          <a href="/editor/import">再导入一份文档</a>
        </p>
      </section>
    );
  }

  return (
    <>
      <form className="form form-wide" onSubmit={onPreview} aria-describedby={errorMessage ? "import-error" : undefined}>
        <label>
          粘贴文档内容
          <textarea
            name="text"
            rows={12}
            value={text}
            onChange={(event) => setText(event.target.value)}
            aria-invalid={!!preview.fieldErrors?.text}
            placeholder={"例如：\n2024年某市十大新闻\n1、……\n2、……"}
          />
        </label>
        <label>
          或上传文件（.txt / .md，2 MB 以内；选择文件后以文件为准）
          <input ref={fileRef} name="file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" />
        </label>
        {errorMessage ? (
          <p id="import-error" className="form-error" role="alert">
            {errorMessage}
          </p>
        ) : null}
        <div>
          <button className="button" type="submit" disabled={previewPending}>
            {previewPending ? "正在解析…" : "解析预览"}
          </button>
        </div>
        {previewPending ? (
          <p role="status" className="progress-line">
            <progress aria-label="解析进度" /> 正在读取并解析文档，长文档可能需要几秒钟…
          </p>
        ) : null}
      </form>

      {previewData ? (
        <>
          <ImportPreviewView preview={previewData} />
          <form className="form form-wide" onSubmit={onCreate} aria-describedby={!created.ok && created.message ? "create-error" : undefined}>
            {/* The server re-parses this exact text; nothing from the preview is trusted. */}
            <textarea name="text" value={previewData.text} readOnly hidden />
            {previewData.previousImports.length > 0 ? (
              <label className="checkbox">
                <input type="checkbox" name="allowDuplicate" checked={allowDuplicate} onChange={(event) => setAllowDuplicate(event.target.checked)} />
                仍然导入副本（会再创建一套草稿）
              </label>
            ) : null}
            {!created.ok && created.message ? (
              <p id="create-error" className="form-error" role="alert">
                {created.message}
              </p>
            ) : null}
            <div>
              <button className="button" type="submit" disabled={createPending || blockedAsDuplicate}>
                {createPending ? "正在创建…" : `创建草稿（${previewData.roundups.length} 个榜单，${itemCount} 篇报道）`}
              </button>
              {blockedAsDuplicate ? <span className="muted"> 已跳过：这份文档导入过。</span> : null}
            </div>
            {createPending ? (
              <p role="status" className="progress-line">
                <progress aria-label="创建进度" /> 正在创建 {itemCount} 篇草稿报道…
              </p>
            ) : null}
          </form>
        </>
      ) : null}
    </>
  );
}
