import "server-only";
import { db } from "@/lib/db";

// A health check must answer even when the database hangs (a half-open connection, a stuck pool).
const TIMEOUT_MS = 2000;

export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    });
    await Promise.race([db.$queryRaw`select 1`, timeout]);
    return true;
  } catch (error) {
    console.error("[roundup] health check: database unreachable:", error instanceof Error ? error.message : error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
