import fs from "node:fs";

/** Loads .env into process.env (variables already set win), so scripts and Next see the same settings. */
export function loadEnvFile(file = ".env"): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}
