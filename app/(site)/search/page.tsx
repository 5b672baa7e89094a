import type { Metadata } from "next";
import { Pagination } from "@/components/ui/pagination";
import { SearchForm } from "@/components/site/search-form";
import { readSearch } from "@/lib/cache/public-reads";
import { PAGE_SIZE } from "@/lib/data/public-shared";
import { formatDate } from "@/lib/format";
import type { SnippetPart } from "@/lib/search-snippet";
import { pageMetadata } from "@/lib/seo";
import { TITLE_ONLY_NOTE, searchQuerySchema, searchTerms } from "@/lib/validation/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = first((await searchParams).q).trim().slice(0, 40);
  return pageMetadata({ title: q ? `搜索：${q}` : "搜索", description: "在 Roundup 新闻的全部已发布报道中搜索。", path: "/search", noIndex: true });
}

function Marked({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) => (part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </>
  );
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const raw = first(params.q);
  const parsed = searchQuerySchema.safeParse({ q: raw, page: first(params.page) || 1 });
  const problem = parsed.success ? null : (parsed.error.issues.find((issue) => issue.path[0] === "q")?.message ?? "搜索词无效。");
  const query = parsed.success ? parsed.data : null;
  const results = query ? await readSearch(searchTerms(query.q), query.page) : null;

  return (
    <>
      <h1>搜索</h1>
      <SearchForm defaultValue={raw.slice(0, 200)} id="search-page-q" />
      {problem ? (
        <p className="form-error" role="alert">
          {problem}
        </p>
      ) : null}
      {query && results ? (
        <section aria-labelledby="results-title">
          <h2 id="results-title">
            “{query.q}”的搜索结果{results.titleOnly ? "（仅标题）" : ""}：{results.moreThanLimit ? `超过 ${results.total} 篇` : `${results.total} 篇`}
          </h2>
          {results.titleOnly ? <p className="muted">{TITLE_ONLY_NOTE}</p> : null}
          {results.moreThanLimit ? <p className="muted">结果太多，只列出前 {results.total} 篇（标题含搜索词的在前，其余按时间从新到旧）。加一个词可以缩小范围。</p> : null}
          {results.total === 0 ? <p className="muted">没有找到包含“{query.q}”的已发布报道。换个词试试？</p> : null}
          {results.total > 0 && results.page > results.pageCount ? (
            <p className="muted">
              没有第 {results.page} 页：结果共 {results.pageCount} 页。
            </p>
          ) : null}
          <ol className="search-results" start={(results.page - 1) * PAGE_SIZE + 1}>
            {results.items.map((hit) => (
              <li key={hit.slug}>
                <h3>
                  <a href={`/stories/${hit.slug}`}>
                    <Marked parts={hit.title} />
                  </a>
                </h3>
                <p className="snippet">
                  <Marked parts={hit.snippet} />
                </p>
                <p className="muted">
                  <time dateTime={hit.publishedAt}>{formatDate(hit.publishedAt)}</time>
                  {hit.section ? ` · ${hit.section.name}` : null}
                </p>
              </li>
            ))}
          </ol>
          <Pagination
            page={results.page}
            pageCount={results.pageCount}
            hrefFor={(page) => `/search?q=${encodeURIComponent(query.q)}${page > 1 ? `&page=${page}` : ""}`}
          />
        </section>
      ) : null}
    </>
  );
}
