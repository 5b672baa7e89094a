import type { ImportPreview } from "@/lib/actions/import";
import { ImportDuplicates } from "./import-duplicates";

const ENCODING_LABELS: Record<ImportPreview["encoding"], string> = {
  "utf-8": "UTF-8",
  gb18030: "GBK/GB18030（已转换）",
  "utf-16le": "UTF-16（已转换）",
  "utf-16be": "UTF-16（已转换）",
};

/** What the parser found and what to check: encoding, an earlier import of the same document, warnings. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const total = preview.roundups.reduce((sum, r) => sum + r.items.length, 0);
  return (
    <section aria-labelledby="preview-title" className="import-preview">
      <h2 id="preview-title">
        预览：{preview.roundups.length} 个榜单，共 {total} 条
      </h2>
      <p className="muted">文件编码：{ENCODING_LABELS[preview.encoding]}</p>
      {preview.duplicates.length > 0 ? <ImportDuplicates duplicates={preview.duplicates} /> : null}
      {preview.warnings.length > 0 ? (
        <div className="notice" role="status">
          <strong>请核对以下 {preview.warnings.length} 处提示：</strong>
          <ul>
            {preview.warnings.map((warning, index) => (
              <li key={`${index}-${warning}`}>{warning}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
