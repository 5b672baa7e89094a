import fs from "node:fs";
import { defineConfig, devices } from "@playwright/test";

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
  webServer: {
    command: `npx --no-install next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { SITE_URL: baseURL, NEXTAUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1" },
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
