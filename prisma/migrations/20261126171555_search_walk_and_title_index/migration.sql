-- CreateIndex
CREATE INDEX "Story_publishedAt_id_idx" ON "Story"("publishedAt" DESC, "id");

-- Title search on its own index (not in schema.prisma: Prisma cannot describe an expression index).
-- Title matches rank first, so search needs them apart from body matches, and single characters
-- are searched in titles only (lib/data/search-sql.ts). The tokens are those of
-- roundup_search_tokens plus every single Chinese character. Self-contained rather than calling
-- roundup_search_tokens: index builds run with a search_path that holds only pg_catalog.
CREATE FUNCTION roundup_title_tokens(input text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT token), '{}')
  FROM (
    SELECT lower(m[1]) AS run
    FROM regexp_matches(input, '([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[A-Za-z0-9]+)', 'g') AS m
  ) AS runs
  CROSS JOIN LATERAL (
    SELECT CASE WHEN runs.run ~ '^[a-z0-9]+$' OR char_length(runs.run) = 1 THEN runs.run ELSE substr(runs.run, i, 2) END
    FROM generate_series(1, greatest(char_length(runs.run) - 1, 1)) AS i
    UNION ALL
    SELECT substr(runs.run, i, 1)
    FROM generate_series(1, char_length(runs.run)) AS i
    WHERE runs.run !~ '^[a-z0-9]+$'
  ) AS tokens(token)
$$;

CREATE INDEX "Story_titleTokens_idx" ON "Story" USING gin (array_to_tsvector(roundup_title_tokens("title")));
