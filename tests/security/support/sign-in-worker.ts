// A second (and third) app process for tests/security/parallel-sign-in.test.ts: it loads the real
// sign-in check against the same database, says "ready", and fires its guesses only when the parent
// releases every worker at once, so the attempts of both processes genuinely overlap.
// Run with: node --import tsx --conditions=react-server sign-in-worker.ts
import { verifyCredentials } from "@/lib/data/auth";
import { db } from "@/lib/db";

type Go = { type: "go"; email: string; address: string; guesses: number };

async function main() {
  // Open the connections now, so the burst below isn't spread out by connection set-up.
  await db.$queryRaw`SELECT 1`;
  await verifyCredentials(`warm-up-${process.pid}@test.roundup.local`, "warm up", `warm-up-${process.pid}`).catch(() => undefined);
  process.on("message", (message: Go) => {
    if (message.type !== "go") return;
    const attempts = Array.from({ length: message.guesses }, (_, i) =>
      verifyCredentials(message.email, `wrong guess ${process.pid}-${i}`, message.address).then(
        () => "signed in",
        (error: unknown) => (error instanceof Error ? error.message : String(error)),
      ),
    );
    void Promise.all(attempts).then(async (outcomes) => {
      process.send?.({ type: "done", outcomes });
      await db.$disconnect();
      process.disconnect();
    });
  });
  process.send?.({ type: "ready" });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
