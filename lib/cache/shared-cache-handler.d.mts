// Types of the plain-JavaScript cache handler, for the TypeScript code and tests that use it.
import type { CacheBus } from "./cache-bus.mjs";
import type { CacheNode } from "./cache-node.mjs";
import type { KeyHeader, Purger } from "./cdn.mjs";

export { CHANNEL, CacheBus } from "./cache-bus.mjs";
export { CacheNode } from "./cache-node.mjs";

export type ProcessCache = {
  node: CacheNode;
  bus: CacheBus | null;
  purger: Purger | null;
  keyHeaders: KeyHeader[];
  pages: Map<string, string>;
  hasPage: (pathname: string) => boolean;
  pageKey: (pathname: string) => string | undefined;
};
export declare function processCache(): ProcessCache;

export default class SharedCacheHandler {
  cache: ProcessCache;
  node: CacheNode;
  get(key: string, ctx?: { tags?: string[]; softTags?: string[] }): Promise<{ value: unknown; lastModified: number; cacheControl: unknown } | null>;
  set(key: string, data: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
