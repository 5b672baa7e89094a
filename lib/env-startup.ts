import { startupProblem } from "@/lib/env";

/**
 * Stops a starting server with one Chinese line naming every wrong setting, instead of failing the
 * first request that needs it. Node only (instrumentation.ts loads it only there).
 */
export function validateEnvAtStartup(): void {
  const problem = startupProblem();
  if (!problem) return;
  console.error(problem);
  process.exit(1);
}
