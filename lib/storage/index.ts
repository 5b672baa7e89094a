import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { localStorage } from "./local";
import { s3Storage, type S3Settings } from "./s3";
import type { MediaStorage } from "./types";

let storage: MediaStorage | undefined;

/** The bucket settings from the environment (MEDIA_STORAGE=s3); lib/env.ts has checked they are complete. */
export function s3SettingsOf(env: Env): S3Settings {
  return {
    bucket: env.S3_BUCKET ?? "",
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    prefix: env.S3_PREFIX,
    publicUrl: env.MEDIA_PUBLIC_URL,
  };
}

/** The configured backend: a local folder by default, an S3-compatible bucket with MEDIA_STORAGE=s3. */
export function getStorage(): MediaStorage {
  if (storage) return storage;
  const env = getEnv();
  storage = env.MEDIA_STORAGE === "s3" ? s3Storage(s3SettingsOf(env)) : localStorage(env.UPLOAD_DIR);
  return storage;
}

export { isSafeKey, type MediaStorage } from "./types";
