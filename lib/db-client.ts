import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";

/**
 * Builds a Prisma client over node-postgres. Password hashes and second-factor secrets are omitted
 * from every query unless a caller asks for them explicitly (sign-in, password and code checks only).
 */
export function createPrismaClient(connectionString: string, options: { max?: number } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true, totpSecret: true } } });
}

export type Db = ReturnType<typeof createPrismaClient>;
