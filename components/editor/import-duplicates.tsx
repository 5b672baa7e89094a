import Link from "next/link";
import type { DuplicateView } from "@/lib/actions/import";
import { formatDateTime } from "@/lib/format";

/** The roundups an import would repeat, each a link, and what 仍然导入 does. */
export function ImportDuplicates({ duplicates }: { duplicates: DuplicateView[] }) {
  return (
    <div className="notice notice-warning" role="alert">
      <strong>可能重复导入：</strong>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.id}>
            <Link href={`/editor/roundups/${duplicate.id}`}>{duplicate.title}</Link>（{duplicate.year}年，创建于 {formatDateTime(duplicate.createdAt)}）：
            {duplicate.reason === "document" ? "由同一份文档导入" : "同名同年的榜单"}
          </li>
        ))}
      </ul>
      默认不会重复创建。确需再导入一份，请点“仍然导入”（会再创建一套草稿）。
    </div>
  );
}
