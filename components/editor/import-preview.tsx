import type { ImportPreview } from "@/lib/actions/import";
import { formatDateTime } from "@/lib/format";

const ENCODING_LABELS: Record<ImportPreview["encoding"], string> = {
  "utf-8": "UTF-8",
  gb18030: "GBK/GB18030（已转换）",
  "utf-16le": "UTF-16（已转换）",
  "utf-16be": "UTF-16（已转换）",
};

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const total = preview.roundups.reduce((sum, r) => sum + r.items.length, 0);
  return (
    <section aria-labelledby="preview-title" className="import-preview">
      <h2 id="preview-title">
        预览：{preview.roundups.length} 个榜单，共 {total} 条
      </h2>
      <p className="muted">文件编码：{ENCODING_LABELS[preview.encoding]}</p>
      {preview.previousImports.length > 0 ? (
        <div className="notice notice-warning" role="status">
          <strong>这份文档已经导入过：</strong>
          <ul>
            {preview.previousImports.map((p) => (
              <li key={p.createdAt}>
                “{p.title}”，导入于 {formatDateTime(p.createdAt)}
              </li>
            ))}
          </ul>
          默认跳过，不会重复创建；确需再导入一份副本，请在下方勾选“仍然导入副本”。
        </div>
      ) : null}
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
      {preview.roundups.map((roundup, index) => (
        <article key={`${roundup.title}-${index}`} className="import-roundup" aria-label={`榜单：${roundup.title}`}>
          <h3>{roundup.title}</h3>
          <dl className="facts">
            <dt>年份</dt>
            <dd>{roundup.year ?? "未识别（将使用今年，导入后可修改）"}</dd>
            <dt>评选单位</dt>
            <dd>{roundup.publisher ?? "未识别"}</dd>
            <dt>排序</dt>
            <dd>{roundup.ordering === "date" ? "按时间顺序（不分名次）" : "按名次"}</dd>
            {roundup.intro ? (
              <>
                <dt>导语</dt>
                <dd>{roundup.intro}</dd>
              </>
            ) : null}
            {roundup.caption || roundup.credit ? (
              <>
                <dt>榜单配图说明</dt>
                <dd>
                  {roundup.caption} {roundup.credit}
                </dd>
              </>
            ) : null}
          </dl>
          <ol className="import-items">
            {roundup.items.map((item) => (
              <li key={item.rank}>
                <span className="rank-badge" aria-hidden="true">
                  {item.rank}
                </span>
                <div>
                  <strong>{item.title}</strong>
                  <p className="muted">
                    {item.paragraphs.length > 0 ? `${item.paragraphs.length} 段正文：${item.paragraphs[0]!.slice(0, 60)}…` : "只有标题，没有正文"}
                  </p>
                  {item.caption || item.credit ? (
                    <p className="muted">
                      配图说明：{item.caption} {item.credit}
                    </p>
                  ) : null}
                </div>
              </li>
            ))}
          </ol>
        </article>
      ))}
    </section>
  );
}
