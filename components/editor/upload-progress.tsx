import { formatBytes, type UploadProgress as Progress } from "@/lib/editor/upload-media";

/** How much of an upload has gone, as a bar and in words (announced as it changes). */
export function UploadProgress({ progress }: { progress: Progress | null }) {
  if (!progress) return null;
  return (
    <div className="picker-progress">
      <label>
        上传进度
        <progress value={progress.sent} max={progress.total || 1} />
      </label>
      <span aria-live="polite">
        已上传 {formatBytes(progress.sent)} / {formatBytes(progress.total)}
      </span>
    </div>
  );
}
