import fs from "node:fs";
import path from "node:path";

// Every Server Action in the project, found the way Next.js finds them: every export of a module
// under lib/actions/ that starts with "use server". The authorization matrix and the hostile action
// fuzz (tests/security) both cover exactly this list, so a new action can't be missed by either.

export type ActionFn = (prev: unknown, formData: FormData) => Promise<unknown>;

const ROOT = path.resolve(__dirname, "../../..");

export async function discoverActions(): Promise<Map<string, ActionFn>> {
  const dir = path.join(ROOT, "lib/actions");
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((file) => /\.tsx?$/.test(file));
  const actions = new Map<string, ActionFn>();
  for (const file of files) {
    const source = fs.readFileSync(path.join(dir, file), "utf8");
    if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*["']use server["']/.test(source)) continue;
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (typeof value !== "function") continue;
      if (actions.has(name)) throw new Error(`two Server Actions are both called ${name}: rename one so the matrix key is unambiguous`);
      actions.set(name, value as ActionFn);
    }
  }
  return actions;
}
