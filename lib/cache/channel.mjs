// @ts-check
// The PostgreSQL NOTIFY channel of the cache bus, shared by the bus (cache-bus.mjs), the data layer
// (announce.ts) and the database trigger of scheduled go-live times (migration cache_schedule_notify).
export const CHANNEL = "roundup_cache";
