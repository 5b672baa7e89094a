// The parser's output. Plain data, so a Server Action can return it and a preview can render it.

export type ParsedItem = {
  rank: number;
  title: string;
  paragraphs: string[];
  caption: string | null;
  credit: string | null;
};

export type ParsedRoundup = {
  title: string;
  year: number | null;
  publisher: string | null;
  intro: string | null;
  caption: string | null;
  credit: string | null;
  /** "date" when the document says its items are in date order rather than ranked. */
  ordering: "rank" | "date";
  items: ParsedItem[];
};

export type ParsedDocument = { roundups: ParsedRoundup[]; warnings: string[] };
