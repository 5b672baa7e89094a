-- Chinese-aware search. the PostgreSQL parsers keep a run of Chinese characters as one token and
-- pg_trgm needs 3+ characters, so neither finds a two-character word such as 粮食 by index. Here every
-- run of CJK characters becomes its overlapping character bigrams (a lone character stays itself) and
-- every run of Latin letters/digits becomes one lower-cased word, the way the CJK analyzer of Lucene works.
-- The same function tokenizes the stored text and the query a reader types, so both sides always agree. The
-- search then confirms the exact phrase with ILIKE on the few rows the index returns.
CREATE FUNCTION roundup_search_tokens(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT token), '{}')
  FROM (
    SELECT lower(m[1]) AS run
    FROM regexp_matches(input, '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+)', 'g') AS m
  ) AS runs
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN runs.run ~ '^[a-z0-9]+$' OR char_length(runs.run) = 1 THEN runs.run
      ELSE substr(runs.run, i, 2)
    END AS token
    FROM generate_series(1, greatest(char_length(runs.run) - 1, 1)) AS i
  ) AS tokens
$$;

-- The stored vector: headline, summary and body together (the ranking step tells title hits apart).
ALTER TABLE "Story"
  ADD COLUMN "searchVector" tsvector
  GENERATED ALWAYS AS (
    array_to_tsvector(roundup_search_tokens(coalesce("title", '') || ' ' || coalesce("dek", '') || ' ' || coalesce("body", '')))
  ) STORED;

CREATE INDEX "Story_searchVector_idx" ON "Story" USING gin ("searchVector");
