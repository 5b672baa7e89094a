import type { ActionResult } from "@/lib/actions/result";
import type { PickerMedia } from "@/lib/media/picker";

// Uploads an image to the picker route with XMLHttpRequest, the one browser API that reports how
// many bytes of a request body have been sent (fetch does not).

export type UploadProgress = { sent: number; total: number };
export type UploadResult = ActionResult<PickerMedia>;

export const PICKER_URL = "/editor/media/library";

export function uploadMedia(fields: { file: File; alt: string; caption: string; credit: string }, onProgress: (progress: UploadProgress) => void): Promise<UploadResult> {
  const form = new FormData();
  form.set("file", fields.file);
  form.set("alt", fields.alt);
  form.set("caption", fields.caption);
  form.set("credit", fields.credit);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open("POST", PICKER_URL);
    request.responseType = "json";
    request.upload.onprogress = (event) => onProgress({ sent: event.loaded, total: event.lengthComputable ? event.total : fields.file.size });
    request.onload = () => {
      const body = request.response as UploadResult | null;
      resolve(body && typeof body === "object" ? body : { ok: false, message: `上传失败（${request.status}），请重试。` });
    };
    request.onerror = () => resolve({ ok: false, message: "网络中断，图片没有上传。请检查网络后重试。" });
    request.send(form);
  });
}

/** "1.2 MB" or "830 KB", for the progress line. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
