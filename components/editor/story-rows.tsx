import Link from "next/link";
import type { StoryRow } from "@/lib/data/story-lists";
import { STATUS_LABELS } from "@/lib/editor/workflow";
import { formatDateTime } from "@/lib/format";

/** A compact list of stories for the dashboard's panels. */
export function StoryRows({ rows, empty, when = "updatedAt" }: { rows: StoryRow[]; empty: string; when?: "updatedAt" | "publishedAt" }) {
  if (rows.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="staff-list">
      {rows.map((row) => {
        const at = when === "publishedAt" ? row.publishedAt : row.updatedAt;
        return (
          <li key={row.id}>
            <Link href={`/editor/stories/${row.id}`}>{row.title}</Link>
            <span className="muted">
              {" "}
              · {STATUS_LABELS[row.status]} · {row.authorName}
              {at ? ` · ${formatDateTime(at)}` : ""}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
