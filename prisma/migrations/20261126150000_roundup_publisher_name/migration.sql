-- A roundup's publisher is stored as a name only, since pages add the verb themselves. Rows typed
-- with the verb (the form used to suggest it) or a leading 由 are reduced to the name.
UPDATE "Roundup"
SET "publisher" = btrim(regexp_replace(regexp_replace("publisher", '^由', ''), '(选出|评选|评出|推选)+$', ''))
WHERE "publisher" ~ '(^由|(选出|评选|评出|推选)$)';
