// Types of the plain-JavaScript cache handler, for the TypeScript code and tests that use it.
export declare const CHANNEL: string;

export { goLiveTagsForRoundup, goLiveTagsForStory } from "./go-live.mjs";

type Entry = { value: unknown; lastModified: number; tags: string[]; cacheControl: unknown };

export declare class CacheNode {
  constructor(databaseUrl: string | undefined);
  entries: Map<string, Entry>;
  expired: Map<string, number>;
  goLive: Map<string, number[]>;
  connect(): Promise<void>;
  replaceSchedule(times: Array<{ at: number; tags: string[] }>, now?: number): void;
  markExpired(tags: string[], at: number): void;
  isOutdated(tags: string[], lastModified: number, now?: number): boolean;
  read(key: string, extraTags?: string[], now?: number): Entry | null;
  write(key: string, value: unknown, tags: string[], cacheControl: unknown, now?: number): void;
  expire(tags: string[], now?: number): Promise<void>;
  close(): Promise<void>;
}

export default class SharedCacheHandler {
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<{ value: unknown; lastModified: number; cacheControl: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
