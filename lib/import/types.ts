// The parser's output. Plain data, so a Server Action can return it and a preview can render it.

export type ParsedItem = {
  rank: number;
  title: string;
  paragraphs: string[];
  caption: string | null;
  credit: string | null;
  /** Readers' or jurors' votes, when a reader-vote document gives them ("得票12345"). */
  votes: number | null;
};

export type ParsedRoundup = {
  title: string;
  year: number | null;
  publisher: string | null;
  intro: string | null;
  /** Commentary after the list ("结语"), shown below the items. */
  outro: string | null;
  caption: string | null;
  credit: string | null;
  /** "date" when the document says its items are in date order rather than ranked. */
  ordering: "rank" | "date";
  items: ParsedItem[];
  /**
   * Paragraphs the parser could not place, in document order: the whole text when it found no items at
   * all. Only the lenient reading (readDocumentOutline) fills it; an editor turns them into items.
   */
  unassigned: string[];
};

export type ParsedDocument = { roundups: ParsedRoundup[]; warnings: string[] };
