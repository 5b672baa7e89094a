"use client";

import { useActionState, useRef, useState, useTransition, type FormEvent } from "react";
import { previewImport, type ImportPreview } from "@/lib/actions/import";
import type { ActionResult } from "@/lib/actions/result";
import { ImportOutlineEditor } from "./import-outline-editor";
import { ImportPreviewView } from "./import-preview";

const MAX_BYTES = 2 * 1024 * 1024;

/** Sections for the picker that applies one section to every imported story. */
export function ImportWizard({ sections }: { sections: { id: string; name: string }[] }) {
  const [preview, previewAction, previewPending] = useActionState<ActionResult<ImportPreview>, FormData>(previewImport, { ok: false });
  const [, startTransition] = useTransition();
  const [text, setText] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
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
    // Pasted text far over the limit would exceed the request size limit too: say so without sending.
    if (!file && new Blob([text]).size > MAX_BYTES) {
      setClientError("粘贴的文字过长：导入文档不能超过 2 MB。");
      return;
    }
    setClientError(null);
    const formData = new FormData(event.currentTarget);
    startTransition(() => previewAction(formData));
  }

  // The last preview that succeeded: a refused one (a file that is no text) says why above and leaves
  // the outline below, and the corrections made in it, as they were.
  const [previewData, setPreviewData] = useState<ImportPreview | undefined>(undefined);
  if (preview.ok && preview.data && preview.data !== previewData) setPreviewData(preview.data);
  const errorMessage = clientError ?? (!preview.ok ? preview.message : undefined);
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
          {/* Each new preview starts a fresh outline. */}
          <ImportOutlineEditor key={previewData.previewId} preview={previewData} sections={sections} />
        </>
      ) : null}
    </>
  );
}
