import { describe, expect, it } from "vitest";
import { fromDatabaseError } from "@/lib/errors";

describe("database errors", () => {
  it("an unreachable database is UNAVAILABLE for model queries and raw queries alike", () => {
    const modelQuery = Object.assign(new Error("Can't reach database server"), { name: "PrismaClientKnownRequestError", code: "P1001" });
    // What Prisma 6 with the pg adapter throws for $queryRaw when nothing listens on the port.
    const rawQuery = Object.assign(new Error("Raw query failed"), {
      name: "PrismaClientKnownRequestError",
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } } },
    });
    expect(fromDatabaseError(modelQuery)?.code).toBe("UNAVAILABLE");
    expect(fromDatabaseError(rawQuery)?.code).toBe("UNAVAILABLE");
    expect(fromDatabaseError(Object.assign(new Error("syntax"), { code: "P2010", meta: { code: "42601" } }))).toBeNull();
  });
});
