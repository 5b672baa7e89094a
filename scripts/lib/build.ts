import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError, info } from "./log";

const INPUTS = ["app", "components", "lib", "types", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "instrumentation.ts", "package-lock.json", "tsconfig.json"];
const STAMP = ".next/roundup-source-hash";

/** The standalone server (`output: "standalone"`): what npm start, the tests and the Docker image run. */
export const STANDALONE_DIR = path.resolve(".next/standalone");
/** Next's server.js with the front door before it (lib/server/roundup-server.mjs, carried into the standalone output). */
export const STANDALONE_SERVER = path.join(STANDALONE_DIR, "lib/server/roundup-server.mjs");

function hashInputs(): string {
  const hash = crypto.createHash("sha256");
  const visit = (entry: string) => {
    if (!fs.existsSync(entry)) return;
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) visit(path.join(entry, child));
    } else {
      hash.update(entry).update(fs.readFileSync(entry));
    }
  };
  INPUTS.forEach(visit);
  return hash.digest("hex");
}

/** Whether a finished production build is present (for starts that must not build). */
export function hasBuild(): boolean {
  return fs.existsSync(".next/BUILD_ID") && fs.existsSync(STANDALONE_SERVER) && fs.existsSync(path.join(STANDALONE_DIR, ".next/static"));
}

/**
 * The standalone server serves `.next/static` and `public/` only from beside itself, and Next leaves
 * copying them to the deployment (its Docker example does the same).
 */
function copyStaticFiles(): void {
  const copies: [string, string][] = [
    [".next/static", path.join(STANDALONE_DIR, ".next/static")],
    ["public", path.join(STANDALONE_DIR, "public")],
  ];
  for (const [from, to] of copies) {
    fs.rmSync(to, { recursive: true, force: true });
    if (fs.existsSync(from)) fs.cpSync(from, to, { recursive: true });
  }
}

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, force = false): void {
  const digest = hashInputs();
  if (!force && hasBuild() && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === digest) {
    info("production build is up to date");
    return;
  }
  info("building for production (next build)…");
  const result = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new StartupError("next build 失败：见上方的构建输出。");
  copyStaticFiles();
  fs.writeFileSync(STAMP, digest);
}
