// Types of the plain-JavaScript cache bus, for the TypeScript code and tests that use it.
import type pg from "pg";
import type { CacheNode } from "./cache-node.mjs";

export { CHANNEL } from "./channel.mjs";

export type BusState = "connecting" | "up" | "down" | "closed";

export type BusOptions = {
  url: string;
  node: CacheNode;
  onExpired?: (tags: string[]) => void;
  onGoLive?: (tags: string[]) => void;
  heartbeatMs?: number;
  timeoutMs?: number;
  reconnectMs?: number;
};

export declare class CacheBus {
  constructor(options: BusOptions);
  state: BusState;
  since: number;
  lostAt: number;
  client: pg.Client | null;
  schedule: Array<{ at: number; tags: string[] }>;
  start(): Promise<void>;
  reloadSchedule(): Promise<void>;
  armGoLive(now?: number): void;
  close(): Promise<void>;
}
