import "server-only";
import { db } from "@/lib/db";

export async function checkHealth(): Promise<boolean> {
  try {
    await db.$queryRaw`select 1`;
    return true;
  } catch (error) {
    console.error("[roundup] health check failed:", error);
    return false;
  }
}
