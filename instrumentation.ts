// Runs once when a server process starts. NEXT_RUNTIME is not a setting but a constant Next inlines
// per bundle: the check keeps the Node-only start-up code out of the Edge bundle.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateEnvAtStartup } = await import("@/lib/env-startup");
    validateEnvAtStartup();
    const { getTrustProxy } = await import("@/lib/env");
    if (!getTrustProxy()) (await import("@/lib/forwarded-for")).dropClientForwardedFor();
    // The front door of the standalone server answers voting page views and ballots with these.
    (await import("@/lib/selection/fast-path")).registerVotingFastPath();
  }
}
