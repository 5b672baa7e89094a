import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { DetachedClient } from "@/lib/detached-context.mjs";

/**
 * Builds a Prisma client over node-postgres. Password hashes and second-factor secrets are omitted
 * from every query unless a caller asks for them explicitly (sign-in, password and code checks only).
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10, Client: DetachedClient });
  // A transaction may wait up to 10 s for a pooled connection (Prisma's default is 2 s): a burst of
  // saves larger than the pool queues instead of failing.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } }, transactionOptions: { maxWait: 10_000 } });
}

export type Db = ReturnType<typeof createPrismaClient>;
