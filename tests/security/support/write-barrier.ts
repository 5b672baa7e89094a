import type { Db } from "@/lib/db-client";

// Forces interleavings without any test code in the application: tests/security mocks "@/lib/db"
// with gatedDb(realDb), whose transactions hand out a transaction client that stops chosen writes
// at a barrier until the test (or enough other writers) lets them go.

type Model = "story" | "tag";
type Method = "updateMany" | "create" | "createMany" | "upsert";

type Gate = {
  model: Model;
  methods: readonly Method[];
  /** Only writes whose arguments match are held (e.g. a save's update, not a publish's). */
  matches: (args: unknown) => boolean;
  /** How many writers must arrive before all are let go; 0 = wait for release(). */
  parties: number;
  arrived: number;
  reached: () => void;
  released: Promise<void>;
  release: () => void;
};

let gate: Gate | null = null;

export type Barrier = { reached: Promise<void>; release: () => void };

/**
 * Holds the next matching writes at a barrier. With parties > 0 the first `parties` writers are
 * released together once all have arrived (so they all looked before any of them wrote); with
 * parties = 0 the first writer waits until release() is called. Later writes pass straight through.
 */
export function holdWrites(model: Model, methods: readonly Method[], options: { parties?: number; matches?: (args: unknown) => boolean } = {}): Barrier {
  let reached!: () => void;
  let release!: () => void;
  const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  gate = { model, methods, matches: options.matches ?? (() => true), parties: options.parties ?? 0, arrived: 0, reached, released, release };
  return { reached: reachedPromise, release };
}

async function atBarrier(model: Model, method: Method, args: unknown): Promise<void> {
  const current = gate;
  if (!current || current.model !== model || !current.methods.includes(method) || !current.matches(args)) return;
  const wanted = current.parties || 1;
  if (current.arrived >= wanted) return;
  current.arrived++;
  if (current.arrived === wanted) {
    current.reached();
    // Everyone is in: let them all go at once (for a release()-gate the test decides).
    if (current.parties > 0) {
      gate = null;
      current.release();
    }
  }
  await current.released;
  if (gate === current) gate = null;
}

function gatedModel<T extends object>(model: Model, delegate: T): T {
  return new Proxy(delegate, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== "function") return value;
      const method = property as Method;
      return async (args: unknown) => {
        await atBarrier(model, method, args);
        return (value as (args: unknown) => Promise<unknown>).call(target, args);
      };
    },
  });
}

function gatedTx<T extends object>(tx: T): T {
  return new Proxy(tx, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if ((property === "story" || property === "tag") && value && typeof value === "object") return gatedModel(property, value);
      return value;
    },
  });
}

/** The real client, except that interactive transactions get a gated transaction client. */
export function gatedDb(db: Db): Db {
  return new Proxy(db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== "$transaction" || typeof value !== "function") return value;
      return (first: unknown, ...rest: unknown[]) => {
        const run = typeof first === "function" ? (tx: object) => (first as (tx: object) => unknown)(gatedTx(tx)) : first;
        return (value as (...args: unknown[]) => unknown).call(target, run, ...rest);
      };
    },
  });
}
