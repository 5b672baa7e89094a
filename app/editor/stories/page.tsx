import type { Metadata } from "next";
import Link from "next/link";
import { BulkStoryTable } from "@/components/editor/bulk-story-table";
import { StoryStatus } from "@/generated/prisma/enums";
import { hasRole, requireUser } from "@/lib/auth/guards";
import { listAuthors, listStories } from "@/lib/data/story-lists";
import { listSections } from "@/lib/data/stories";
import { STATUS_LABELS } from "@/lib/editor/workflow";

export const metadata: Metadata = { title: "报道列表", robots: { index: false } };

type Search = { status?: string; section?: string; author?: string; q?: string; after?: string };

export default async function StoryListPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/editor/stories");
  const search = await searchParams;
  const status = Object.values(StoryStatus).find((value) => value === search.status);
  const filters = { status, sectionId: search.section || undefined, authorId: search.author || undefined, q: search.q?.trim() || undefined };
  const [page, sections, authors] = await Promise.all([listStories(user, { ...filters, after: search.after }), listSections(user), listAuthors(user)]);
  const nextHref = page.next
    ? `/editor/stories?${new URLSearchParams({ ...(search.status ? { status: search.status } : {}), ...(search.section ? { section: search.section } : {}), ...(search.author ? { author: search.author } : {}), ...(search.q ? { q: search.q } : {}), after: page.next })}`
    : null;

  return (
    <>
      <h1>报道列表</h1>
      <p>
        <Link href="/editor/stories/new">写新报道</Link>
      </p>
      <form className="filters" method="get" role="search" aria-label="筛选报道">
        <label>
          标题搜索
          <input type="search" name="q" defaultValue={search.q ?? ""} />
        </label>
        <label>
          状态
          <select name="status" defaultValue={status ?? ""}>
            <option value="">全部</option>
            {Object.values(StoryStatus).map((value) => (
              <option key={value} value={value}>
                {STATUS_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        <label>
          栏目
          <select name="section" defaultValue={search.section ?? ""}>
            <option value="">全部</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          作者
          <select name="author" defaultValue={search.author ?? ""}>
            <option value="">全部</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          筛选
        </button>
      </form>
      {page.rows.length === 0 ? <p>没有符合条件的报道。</p> : <BulkStoryTable rows={page.rows} sections={sections} bulk={hasRole(user, "EDITOR")} />}
      {nextHref ? (
        <p>
          <Link href={nextHref}>下一页 →</Link>
        </p>
      ) : null}
    </>
  );
}
