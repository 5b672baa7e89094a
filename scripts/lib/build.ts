import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError, info } from "./log";

const INPUTS = ["app", "components", "lib", "types", "public", "prisma/schema.prisma", "next.config.js", "proxy.ts", "package-lock.json", "tsconfig.json"];
const STAMP = ".next/roundup-source-hash";

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

/** Runs `next build` unless the last build was made from exactly these sources. */
export function buildIfNeeded(env: NodeJS.ProcessEnv, force = false): void {
  const digest = hashInputs();
  if (!force && fs.existsSync(".next/BUILD_ID") && fs.existsSync(STAMP) && fs.readFileSync(STAMP, "utf8") === digest) {
    info("production build is up to date");
    return;
  }
  info("building for production (next build)…");
  const result = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new StartupError("next build 失败：见上方的构建输出。");
  fs.writeFileSync(STAMP, digest);
}
