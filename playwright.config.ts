import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { serverCommand, serverEnv } from "./scripts/lib/standalone";

// Playwright cannot download its own browser here: use Debian's Chromium (or CHROMIUM_PATH) when
// Playwright's bundled browser is absent.
function chromiumPath(): string | undefined {
  const configured = process.env.CHROMIUM_PATH?.trim();
  if (configured) return configured;
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const executablePath = chromiumPath();

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-domain-reliability", "--no-first-run"],
        },
      },
    },
  ],
  // The standalone server with its front door, as released (scripts/lib/build.ts builds it and copies its static files).
  // It runs from its own folder, so the upload folder is given as an absolute path; with npm start's
  // memory settings (scripts/lib/standalone.ts).
  webServer: {
    command: serverCommand(process.env)
      .map((part) => JSON.stringify(part))
      .join(" "),
    cwd: path.resolve(".next/standalone"),
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: serverEnv({
      PORT: String(port),
      HOSTNAME: "127.0.0.1",
      NODE_ENV: "production",
      SITE_URL: baseURL,
      NEXTAUTH_URL: baseURL,
      UPLOAD_DIR: path.resolve(process.env.UPLOAD_DIR ?? ".data/uploads"),
      NEXT_TELEMETRY_DISABLED: "1",
    }),
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
