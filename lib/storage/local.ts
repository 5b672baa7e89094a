import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { etagMatches, isSafeKey, type MediaStorage } from "./types";

/** Files in a folder on this machine (UPLOAD_DIR). Fine for one server; several servers need a bucket (./s3.ts). */
export function localStorage(root: string): MediaStorage {
  const base = path.resolve(root);
  const fileOf = (key: string) => {
    if (!isSafeKey(key)) throw new Error(`unsafe storage key: ${key}`);
    return path.join(base, key);
  };
  const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, file);
    },
    async get(key) {
      if (!isSafeKey(key)) return null;
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
    },
    async open(key, options = {}) {
      if (!isSafeKey(key)) return null;
      const file = fileOf(key);
      let stat;
      try {
        stat = await fs.stat(file);
      } catch (error) {
        if (missing(error)) return null;
        throw error;
      }
      // A key's file never changes after upload, so size and write time identify its content.
      const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
      if (etagMatches(options.ifNoneMatch, etag)) return { notModified: true, etag };
      const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
      return { notModified: false, etag, size: stat.size, body };
    },
    async delete(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    publicUrl: () => null,
  };
}
