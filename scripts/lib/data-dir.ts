import path from "node:path";

/** The folder for local state of npm start / npm run dev (embedded PostgreSQL, generated secret). */
export function dataDir(): string {
  return path.resolve(process.env.ROUNDUP_DATA_DIR?.trim() || ".data");
}
