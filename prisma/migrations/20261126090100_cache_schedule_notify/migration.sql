-- Every app process caches public pages in memory and knows when scheduled stories and roundups go
-- live (lib/cache/shared-cache-handler.mjs). This trigger tells them to reload those times whenever a
-- story or roundup is written, even when the writer forgot to expire cache tags.
-- The migration runner (the pg driver adapter) splits scripts at every semicolon, even inside
-- comments and quoted bodies, so the PL/pgSQL body below writes its semicolons as the escape \073.
CREATE FUNCTION roundup_notify_schedule() RETURNS trigger
LANGUAGE plpgsql AS E'BEGIN PERFORM pg_notify(''roundup_cache'', ''schedule'')\073 RETURN NULL\073 END'
;

CREATE TRIGGER "Story_schedule_notify"
AFTER INSERT OR UPDATE OF status, "publishedAt", slug, "sectionId" OR DELETE ON "Story"
FOR EACH ROW
EXECUTE FUNCTION roundup_notify_schedule();

CREATE TRIGGER "Roundup_schedule_notify"
AFTER INSERT OR UPDATE OF status, "publishedAt", slug OR DELETE ON "Roundup"
FOR EACH ROW
EXECUTE FUNCTION roundup_notify_schedule();
