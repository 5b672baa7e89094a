import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { acceptJurorInvite, inviteJuror } from "@/lib/data/jurors";
import { addTextCandidate, createSelection } from "@/lib/data/selections";
import { JUROR_COOKIE } from "@/lib/selection/juror-cookie";
import { createActor, removeContentOf } from "./support/actors";
import { uniqueId } from "./support/db";

// The jury score sheet's Server Action as the page uses it without JavaScript: every refusal hands
// back the scores as entered (the page rendered after the post shows them again), and says why.
const jurorCookie = vi.hoisted(() => ({ value: undefined as string | undefined }));
vi.mock("@/lib/auth/session-token", () => ({ readSessionClaims: async () => null }));
vi.mock("next/cache", () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: (name: string) => (name === JUROR_COOKIE && jurorCookie.value ? { name, value: jurorCookie.value } : undefined) }) }));

const { saveJuryScores } = await import("@/lib/actions/selections");

describe("saveJuryScores (the juror's score sheet)", () => {
  let editor: Actor;
  let selectionId: string;
  let candidates: string[];

  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
    const now = new Date("2031-01-01T00:00:00Z");
    const created = await createSelection(editor, { title: uniqueId("评分表"), year: 2031, intro: "", maxChoices: 2, opensAt: new Date("2031-02-01T00:00:00Z"), closesAt: new Date("2031-03-01T00:00:00Z"), resultsPublic: false, readerWeight: 40, tieBreak: "JURY_FIRST" });
    selectionId = created.id;
    for (const n of [1, 2]) await addTextCandidate(editor, { selectionId, title: uniqueId(`评分候选${n}`), description: "" }, now);
    candidates = (await db.selectionCandidate.findMany({ where: { selectionId }, orderBy: { position: "asc" }, select: { id: true } })).map((row) => row.id);
    const { token } = await inviteJuror(editor, { selectionId, name: "表单评委", days: 3 });
    jurorCookie.value = (await acceptJurorInvite({ slug: created.slug, token })).sessionToken;
  });

  afterAll(async () => {
    await db.selection.deleteMany({ where: { id: selectionId } });
    await removeContentOf(db, [editor]);
  });

  const sheet = (scores: Record<string, string>) => {
    const form = new FormData();
    form.set("selectionId", selectionId);
    for (const [candidateId, score] of Object.entries(scores)) form.set(`score.${candidateId}`, score);
    return form;
  };
  const stored = () => db.juryScore.count({ where: { candidate: { selectionId } } });

  it("refuses a score out of range next to its field, keeping every score entered", async () => {
    const [first = "", second = ""] = candidates;
    const result = await saveJuryScores({ ok: false }, sheet({ [first]: "7", [second]: "11" }));
    expect(result).toMatchObject({ ok: false, code: "INVALID", data: { scores: { [first]: "7", [second]: "11" } } });
    expect(result.fieldErrors?.[`scores.${second}`]).toEqual(["评分必须是 1 到 10 的整数。"]);
    expect(await stored()).toBe(0);
  });

  it("refuses a candidate that is not on the list (removed meanwhile) with a message, keeping the scores", async () => {
    const [first = ""] = candidates;
    const result = await saveJuryScores({ ok: false }, sheet({ [first]: "8", gone: "3" }));
    expect(result).toMatchObject({ ok: false, message: "评分表里有不属于本评选的候选，请刷新页面后再试。", data: { scores: { [first]: "8", gone: "3" } } });
    expect(await stored()).toBe(0);
  });

  it("saves, and says how many are scored", async () => {
    const [first = "", second = ""] = candidates;
    const result = await saveJuryScores({ ok: false }, sheet({ [first]: "8", [second]: "" }));
    expect(result).toMatchObject({ ok: true, message: "评分已保存（已评 1/2 项）。", data: { scores: { [first]: "8", [second]: "" } } });
    expect(await stored()).toBe(1);
  });

  it("refuses a browser whose juror seat is gone, keeping the scores", async () => {
    const [first = ""] = candidates;
    const kept = jurorCookie.value;
    jurorCookie.value = "not-a-session";
    try {
      const result = await saveJuryScores({ ok: false }, sheet({ [first]: "2" }));
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", message: "你不是这个评选的评委。", data: { scores: { [first]: "2" } } });
    } finally {
      jurorCookie.value = kept;
    }
    expect((await db.juryScore.findFirstOrThrow({ where: { candidateId: first } })).score).toBe(8);
  });
});
