// Types of the plain-JavaScript cache node, for the TypeScript code and tests that use it.
import type { LRUCache } from "lru-cache";

export declare const RENDER_MARGIN_MS: number;
export declare const BUS_DOWN_FRESH_MS: number;
export declare const RETRY_AFTER_FAILURE_MS: number;

export type Entry = { value: unknown; tags: string[]; cacheControl: unknown; lastModified: number; storedAt: number; minor: boolean; size: number; retryAt: number; softTags: string[]; served: unknown };
export type ReadResult = { entry: Entry; fresh: boolean };

export declare function sizeOf(value: unknown, depth?: number): number;

export declare class CacheNode {
  constructor(options?: { maxBytes?: number; minorBytes?: number; onDrop?: (key: string) => void });
  main: LRUCache<string, Entry>;
  minor: LRUCache<string, Entry>;
  expired: Map<string, number>;
  goLive: Map<string, number[]>;
  verifiedSince: number;
  busUp: boolean;
  readonly size: number;
  readonly bytes: { main: number; minor: number };
  peek(key: string): Entry | null;
  delete(key: string): void;
  connected(now?: number): void;
  disconnected(): void;
  markExpired(tags: string[], at: number): void;
  replaceSchedule(times: Array<{ at: number; tags: string[] }>, now?: number): void;
  isOutdated(tags: string[], lastModified: number, now?: number): boolean;
  isVerified(entry: Entry, now?: number): boolean;
  read(key: string, extraTags?: string[], now?: number): ReadResult | null;
  write(key: string, value: unknown, tags: string[], cacheControl: unknown, options?: { minor?: boolean }, now?: number): void;
  attach(key: string, entry: Entry, served: unknown, bytes: number): boolean;
  clear(): void;
}
