import "server-only";
import type { CacheNode } from "@/lib/cache/cache-node.mjs";
import { cacheTags } from "@/lib/cache/tags";
import { getPublicSelection, type PublicSelection } from "@/lib/data/public-selections";

// The selection a ballot is checked against, on the front door's fast path (lib/selection/fast-path.ts).
// Next's path reads it through readSelection (unstable_cache), which needs Next's request context; the
// fast path keeps its own copy per slug in this process, valid exactly as long as a cached read would
// be: until the selection's cache tag expires. An editor's change (closing early, candidates, the
// number of choices) expires the tag in this process at once and in the others through the cache bus
// (lib/cache/cache-bus.mjs), and both mark it in the process cache's node, which is what this asks.
// While the bus is down (a notice may be missed), or before the process cache exists, nothing is kept:
// every ballot reads the selection.

/** A safety net only: changes expire the tag. */
const MAX_AGE_MS = 60_000;
const MAX_SLUGS = 256;

type Kept = { since: number; value: Promise<PublicSelection | null> };

export type SelectionMemoOptions = {
  load?: (slug: string) => Promise<PublicSelection | null>;
  /** The process cache's node (globalThis[Symbol.for("roundup.cache")]), when there is one. */
  node?: () => CacheNode | undefined;
  clock?: () => number;
};

function processNode(): CacheNode | undefined {
  return (globalThis as unknown as Record<symbol, { node: CacheNode } | undefined>)[Symbol.for("roundup.cache")]?.node;
}

export function selectionMemo({ load = getPublicSelection, node = processNode, clock = Date.now }: SelectionMemoOptions = {}): (slug: string) => Promise<PublicSelection | null> {
  const kept = new Map<string, Kept>();
  return (slug) => {
    const now = clock();
    const cache = node();
    const found = kept.get(slug);
    if (found && cache?.busUp && found.since >= cache.verifiedSince && now - found.since < MAX_AGE_MS && !cache.isOutdated([cacheTags.selection(slug)], found.since, now)) return found.value;
    // Taken a millisecond before the read starts: an expiry from then on, even one during the read, is newer than this copy.
    const since = now - 1;
    const value = load(slug);
    if (!cache?.busUp) return value;
    kept.delete(slug);
    if (kept.size >= MAX_SLUGS) kept.delete(kept.keys().next().value as string);
    const entry = { since, value };
    kept.set(slug, entry);
    // A failed read is not kept: the next ballot reads again.
    value.catch(() => {
      if (kept.get(slug) === entry) kept.delete(slug);
    });
    return value;
  };
}
