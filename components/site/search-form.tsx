import { SEARCH_MAX_LENGTH } from "@/lib/validation/search";

/** A plain GET form, so search works with JavaScript turned off. */
export function SearchForm({ defaultValue = "", id = "site-search" }: { defaultValue?: string; id?: string }) {
  return (
    <form className="search-form" action="/search" method="get" role="search" aria-label="站内搜索">
      <label htmlFor={id} className="visually-hidden">
        搜索报道
      </label>
      <input id={id} name="q" type="search" defaultValue={defaultValue} placeholder="搜索报道，如：粮食" maxLength={SEARCH_MAX_LENGTH * 2} />
      <button type="submit" className="button">
        搜索
      </button>
    </form>
  );
}
