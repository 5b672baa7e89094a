import "server-only";
import { getEnv } from "@/lib/env";
import { localStorage } from "./local";
import type { MediaStorage } from "./types";

let storage: MediaStorage | undefined;

/** The configured storage backend; a bucket backend would be chosen here from its own settings. */
export function getStorage(): MediaStorage {
  storage ??= localStorage(getEnv().UPLOAD_DIR);
  return storage;
}

export { isSafeKey, type MediaStorage } from "./types";
