import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { db } from "@/lib/db";
import { BALLOT_LIMITS, createBallotLimits } from "@/lib/data/ballot-limits";
import { BALLOT_MESSAGES, castBallot, insertBallot, type BallotRequest } from "@/lib/data/ballots";
import { JUROR_MESSAGES, acceptJurorInvite, addStaffJuror, inviteJuror, jurorFromSession, jurorFromStaff, listJurors, revokeJuror, saveJuryScores } from "@/lib/data/jurors";
import { getPublicSelection } from "@/lib/data/public-selections";
import { generateRoundup, getSelectionResults, setExcludeFlagged } from "@/lib/data/selection-results";
import { addStoryCandidate, addTextCandidate, createSelection, getSelectionForEdit, SelectionSettingsConflictError, updateSelection } from "@/lib/data/selections";
import { newFormToken, newVoterCookie } from "@/lib/selection/tokens";
import type { SelectionInput } from "@/lib/validation/selection";
import { CHANNEL } from "@/lib/cache/channel.mjs";
import { createActor, removeContentOf } from "./support/actors";
import { requireEnv, uniqueId } from "./support/db";
import { createStory } from "./support/fixtures";

const HOUR = 60 * 60 * 1000;
const T0 = new Date("2030-06-01T00:00:00Z");
const OPEN = new Date(T0.getTime() + HOUR);
const AFTER = new Date(T0.getTime() + 3 * HOUR);

describe("selections (年度评选)", () => {
  let editor: Actor;
  let staffJuror: Actor;
  const selectionIds: string[] = [];
  const pools: pg.Pool[] = [];
  const newPool = () => {
    const pool = new pg.Pool({ connectionString: requireEnv("DATABASE_URL"), max: 2 });
    pools.push(pool);
    return pool;
  };
  const limits = () => createBallotLimits(newPool());

  beforeAll(async () => {
    editor = await createActor(db, "EDITOR");
    staffJuror = await createActor(db, "JOURNALIST");
  });
  afterAll(async () => {
    await db.selection.deleteMany({ where: { id: { in: selectionIds } } });
    await removeContentOf(db, [editor]);
    await Promise.all(pools.map((pool) => pool.end()));
  });

  function settings(overrides: Partial<SelectionInput> = {}): Omit<SelectionInput, "id"> {
    return { title: uniqueId("评选"), year: 2030, intro: "", maxChoices: 2, opensAt: new Date(T0.getTime() + 0.5 * HOUR), closesAt: new Date(T0.getTime() + 2 * HOUR), resultsPublic: true, readerWeight: 40, tieBreak: "JURY_FIRST", ...overrides };
  }

  /** A selection with three candidates: two published stories and a short one. */
  async function makeSelection(overrides: Partial<SelectionInput> = {}) {
    const created = await createSelection(editor, settings(overrides));
    selectionIds.push(created.id);
    for (const n of [1, 2]) {
      const story = await createStory(db, editor.id, { status: "PUBLISHED", publishedAt: new Date(Date.now() - HOUR), title: uniqueId(`候选报道${n}`) });
      await addStoryCandidate(editor, { selectionId: created.id, storyId: story.id }, T0);
    }
    await addTextCandidate(editor, { selectionId: created.id, title: uniqueId("短候选"), description: "一段说明。" }, T0);
    const selection = await getPublicSelection(created.slug);
    if (!selection) throw new Error("selection not readable");
    const [a, b, c] = selection.candidates.map((candidate) => candidate.id) as [string, string, string];
    return { ...created, selection, a, b, c };
  }

  type Made = Awaited<ReturnType<typeof makeSelection>>;
  const address = () => `198.18.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 255)}`;
  function ballot(made: Made, choices: string[], overrides: Partial<BallotRequest> = {}): BallotRequest {
    return { slug: made.slug, token: newFormToken(made.id, OPEN), choices, voterCookie: newVoterCookie(), address: address(), ...overrides };
  }
  const cast = (made: Made, request: BallotRequest, now = OPEN) => castBallot(request, { now, limits: limits(), loadSelection: async () => made.selection });
  const ballotCount = (made: Made) => db.ballot.count({ where: { selectionId: made.id } });

  it("accepts a ballot and answers a retry of the same form with the original acknowledgement", async () => {
    const made = await makeSelection();
    const request = ballot(made, [made.a, made.b]);
    const first = await cast(made, request);
    expect(first.repeated).toBe(false);
    const again = await cast(made, request);
    expect(again).toMatchObject({ ballotId: first.ballotId, repeated: true });
    expect(await ballotCount(made)).toBe(1);
    const choices = await db.ballotChoice.findMany({ where: { ballotId: first.ballotId }, select: { candidateId: true } });
    expect(choices.map((row) => row.candidateId).sort()).toEqual([made.a, made.b].sort());
  });

  it("refuses bad ballots with the reader's message and writes nothing", async () => {
    const made = await makeSelection();
    const refusals: Array<[BallotRequest, Date, string]> = [
      [ballot(made, [made.a, made.b, made.c]), OPEN, BALLOT_MESSAGES.tooMany(2)],
      [ballot(made, [made.a, made.a]), OPEN, BALLOT_MESSAGES.duplicate],
      [ballot(made, [made.a, "not-a-candidate"]), OPEN, BALLOT_MESSAGES.unknown],
      [ballot(made, [made.a], { token: newFormToken(made.id, T0) }), T0, BALLOT_MESSAGES.notOpen],
      [ballot(made, [made.a]), AFTER, BALLOT_MESSAGES.closed],
      [ballot(made, [made.a], { voterCookie: `${newVoterCookie().split(".")[0]}.forged` }), OPEN, BALLOT_MESSAGES.forgedCookie],
      [ballot(made, [made.a], { token: `${newFormToken(made.id, OPEN)}x` }), OPEN, BALLOT_MESSAGES.formExpired],
      // A form rendered for another selection can't carry its key here.
      [ballot(made, [made.a], { token: newFormToken("another-selection", OPEN) }), OPEN, BALLOT_MESSAGES.formExpired],
      [ballot(made, [made.a], { token: newFormToken(made.id, new Date(OPEN.getTime() - 25 * HOUR)) }), OPEN, BALLOT_MESSAGES.formExpired],
    ];
    for (const [request, now, message] of refusals) await expect(cast(made, request, now)).rejects.toThrow(message);
    expect(await ballotCount(made)).toBe(0);
  });

  it("refuses a second ballot from the same voter cookie and a replayed form with other choices", async () => {
    const made = await makeSelection();
    const voterCookie = newVoterCookie();
    const first = ballot(made, [made.a], { voterCookie });
    await cast(made, first);
    await expect(cast(made, ballot(made, [made.b], { voterCookie }))).rejects.toThrow(BALLOT_MESSAGES.alreadyVoted);
    await expect(cast(made, { ...first, choices: [made.b], voterCookie: newVoterCookie() })).rejects.toThrow(BALLOT_MESSAGES.replayedKey);
    expect(await ballotCount(made)).toBe(1);
  });

  it("counts a ballot without a cookie but flags it", async () => {
    const made = await makeSelection();
    const ack = await cast(made, ballot(made, [made.a], { voterCookie: undefined }));
    expect((await db.ballot.findUniqueOrThrow({ where: { id: ack.ballotId } })).flags).toEqual(["no_cookie"]);
  });

  it("never counts one form twice when two submissions race (forced interleaving on the unique index)", async () => {
    const made = await makeSelection();
    const request = ballot(made, [made.b]);
    const idempotencyKey = request.token.split("~")[1] ?? "";
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((resolve) => (inserted = resolve));
    // The first submission inserts inside a transaction that stays open until released.
    const holder = await newPool().connect();
    const first = (async () => {
      try {
        await holder.query("begin");
        const id = await insertBallot(holder, { id: crypto.randomUUID(), selectionId: made.id, idempotencyKey, voterId: null, addressHash: "x", flags: [], digest: crypto.createHash("sha256").update(made.b).digest("hex"), choices: [made.b] });
        inserted();
        await held;
        await holder.query("commit");
        return id;
      } finally {
        holder.release();
      }
    })();
    await firstInserted;
    // The second goes through the real path and must wait on the first's unique-index entry.
    const second = cast(made, request);
    await vi.waitFor(
      async () => {
        const waiting = await db.$queryRaw<{ n: number }[]>`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into "Ballot"%'`;
        expect(waiting[0]?.n).toBeGreaterThan(0);
      },
      { timeout: 20_000, interval: 50 },
    );
    release();
    const firstId = await first;
    const ack = await second;
    expect(ack).toMatchObject({ ballotId: firstId, repeated: true });
    expect(await ballotCount(made)).toBe(1);
  });

  it("shares the per-address limits between two independent limiter instances on one database", async () => {
    const one = limits();
    const two = limits();
    // Its own /16, so the burst below never flags another test's ballots.
    const from = `198.19.${crypto.randomInt(0, 255)}.${crypto.randomInt(1, 250)}`;
    const flags: string[][] = [];
    for (let n = 1; n <= BALLOT_LIMITS.address.refuseAfter; n++) flags.push(await (n % 2 ? one : two).count(from));
    expect(flags[BALLOT_LIMITS.address.flagAfter - 1]).toEqual([]);
    expect(flags[BALLOT_LIMITS.address.flagAfter]).toEqual(["address_burst"]);
    await expect(one.count(from)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    await expect(two.count(from)).rejects.toMatchObject({ code: "RATE_LIMITED" });
    // A neighbour on the same /24 has its own address count, but its network is past the flag threshold.
    const neighbour = from.replace(/\.\d+$/, from.endsWith(".254") ? ".253" : ".254");
    expect(BALLOT_LIMITS.address.refuseAfter + 2).toBeGreaterThan(BALLOT_LIMITS.network.flagAfter);
    expect(await one.count(neighbour)).toEqual(["network_burst"]);
  });

  it("computes results with weights and the tie-break, counting flagged ballots both ways", async () => {
    const made = await makeSelection({ readerWeight: 50, tieBreak: "JURY_FIRST" });
    // Ballots: a ×2, b ×1 (and one flagged ballot for b).
    await cast(made, ballot(made, [made.a]));
    await cast(made, ballot(made, [made.a, made.b]));
    await cast(made, ballot(made, [made.b], { voterCookie: undefined }));
    await addStaffJuror(editor, { selectionId: made.id, userId: staffJuror.id });
    const juror = await jurorFromStaff(staffJuror, made.slug);
    // Jury: a 6, b 8, c 10.
    await saveJuryScores(juror, { selectionId: made.id, scores: { [made.a]: 6, [made.b]: 8, [made.c]: 10 } });
    const counted = await getSelectionResults(editor, made.id, AFTER);
    // Flagged counted: a 2, b 2 → reader 100/100; jury 60/80/100 → a 80, b 90, c 50.
    expect(counted?.rows.map((row) => [row.id, row.combined])).toEqual([
      [made.b, 90],
      [made.a, 80],
      [made.c, 50],
    ]);
    expect(counted?.ballots).toEqual({ all: 3, unflagged: 2, flagged: 1 });
    await setExcludeFlagged(editor, { selectionId: made.id, exclude: true });
    const excluded = await getSelectionResults(editor, made.id, AFTER);
    // Without the flagged ballot: a 2, b 1 → reader 100/50; a 80, b 65+... = 0.5×50+0.5×80 = 65, c 50.
    expect(excluded?.rows.map((row) => [row.id, row.combined, row.ballotsWithFlagged, row.ballotsWithoutFlagged])).toEqual([
      [made.a, 80, 2, 2],
      [made.b, 65, 2, 1],
      [made.c, 50, 0, 0],
    ]);
    const audit = await db.auditEvent.findFirst({ where: { entityId: made.id, action: "selection.flagged_exclude" } });
    expect(audit?.summary).toContain("1 张被标记的选票");
  });

  it("generates a draft roundup in the computed order after closing, with figures and ties flagged", async () => {
    const made = await makeSelection({ readerWeight: 0, tieBreak: "CANDIDATE_ORDER" });
    await expect(generateRoundup(editor, made.id, OPEN)).rejects.toThrow("投票结束后才能生成榜单");
    const invite = await inviteJuror(editor, { selectionId: made.id, name: "外部评委甲", days: 3 }, T0);
    const session = await acceptJurorInvite({ slug: made.slug, token: invite.token }, T0);
    // Jury only (reader weight 0): c 9, a and b 5 each (a tie the editor's order breaks).
    await saveJuryScores(await jurorFromSession(made.slug, session.sessionToken), { selectionId: made.id, scores: { [made.a]: 5, [made.b]: 5, [made.c]: 9 } });
    const { roundupId, tied } = await generateRoundup(editor, made.id, AFTER);
    expect(tied).toBe(2);
    const items = await db.roundupItem.findMany({ where: { roundupId }, orderBy: { rank: "asc" }, include: { story: { select: { title: true, status: true } } } });
    const titles = made.selection.candidates.map((candidate) => candidate.title);
    expect(items.map((item) => item.story.title)).toEqual([titles[2], titles[0], titles[1]]);
    expect(items[0]?.story.status).toBe("DRAFT");
    expect(items[0]?.metadata).toEqual({ votes: 0, juryMean: 9, combined: 90, tied: false });
    expect(items[1]?.metadata).toMatchObject({ tied: true });
    expect((await db.roundup.findUniqueOrThrow({ where: { id: roundupId } })).status).toBe("DRAFT");
    await expect(generateRoundup(editor, made.id, AFTER)).rejects.toThrow("已经生成过榜单");
    await expect(saveJuryScores(await jurorFromSession(made.slug, session.sessionToken), { selectionId: made.id, scores: { [made.a]: 1 } })).rejects.toThrow("榜单已经生成");
  });

  it("lets an invite link be used once, and not after it is revoked or has expired", async () => {
    const made = await makeSelection();
    const invite = await inviteJuror(editor, { selectionId: made.id, name: "外部评委乙", days: 1 }, T0);
    const session = await acceptJurorInvite({ slug: made.slug, token: invite.token }, T0);
    await expect(acceptJurorInvite({ slug: made.slug, token: invite.token }, T0)).rejects.toThrow(JUROR_MESSAGES.used);
    await expect(acceptJurorInvite({ slug: "another-selection", token: invite.token }, T0)).rejects.toThrow(JUROR_MESSAGES.unknown);
    expect(await jurorFromSession(made.slug, session.sessionToken)).toMatchObject({ jurorId: invite.jurorId });
    await revokeJuror(editor, { selectionId: made.id, jurorId: invite.jurorId }, T0);
    expect(await jurorFromSession(made.slug, session.sessionToken)).toBeNull();

    const unused = await inviteJuror(editor, { selectionId: made.id, name: "外部评委丙", days: 1 }, T0);
    await revokeJuror(editor, { selectionId: made.id, jurorId: unused.jurorId }, T0);
    await expect(acceptJurorInvite({ slug: made.slug, token: unused.token }, T0)).rejects.toThrow(JUROR_MESSAGES.revoked);
    const late = await inviteJuror(editor, { selectionId: made.id, name: "外部评委丁", days: 1 }, T0);
    await expect(acceptJurorInvite({ slug: made.slug, token: late.token }, new Date(T0.getTime() + 25 * HOUR))).rejects.toThrow(JUROR_MESSAGES.expired);
    expect((await listJurors(editor, made.id, T0)).map((row) => row.status)).toEqual(["revoked", "revoked", "pending"]);
  });

  it("keeps the candidate list fixed once voting opens, and lowers no limit under cast ballots", async () => {
    const made = await makeSelection();
    await expect(addTextCandidate(editor, { selectionId: made.id, title: "迟到的候选", description: "" }, OPEN)).rejects.toThrow("候选名单不能再改");
    await cast(made, ballot(made, [made.a, made.b]));
    await expect(updateSelection(editor, made.id, { ...settings(), maxChoices: 1 }, OPEN)).rejects.toThrow("只能调高");
  });

  it("refuses a settings save based on an older copy; candidate changes don't make a copy old", async () => {
    const base = settings();
    const created = await createSelection(editor, base);
    selectionIds.push(created.id);
    const loaded = (await getSelectionForEdit(editor, created.id, T0))!.settingsStamp;
    const later = new Date(base.closesAt.getTime() + HOUR);
    await updateSelection(editor, created.id, { ...base, closesAt: later }, T0, loaded);
    await addTextCandidate(editor, { selectionId: created.id, title: uniqueId("短候选"), description: "" }, T0);
    const refused = await updateSelection(editor, created.id, { ...base, intro: "另一页的说明" }, T0, loaded).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SelectionSettingsConflictError);
    expect((refused as SelectionSettingsConflictError).current.closesAt).toEqual(later);
    const stored = await db.selection.findUniqueOrThrow({ where: { id: created.id }, select: { intro: true, closesAt: true } });
    expect(stored).toEqual({ intro: "", closesAt: later });
    // The page as loaded after the first save (the candidate added since changes nothing) saves.
    const fresh = (await getSelectionForEdit(editor, created.id, T0))!.settingsStamp;
    await updateSelection(editor, created.id, { ...base, closesAt: later, intro: "合并后的说明" }, T0, fresh);
    expect((await db.selection.findUniqueOrThrow({ where: { id: created.id }, select: { intro: true } })).intro).toBe("合并后的说明");
  });

  it("announces a new selection's voting page to every process, so a reader's earlier “not found” doesn't stay cached", async () => {
    const listener = new pg.Client({ connectionString: requireEnv("DATABASE_URL") });
    await listener.connect();
    try {
      const notices: string[] = [];
      listener.on("notification", (message) => notices.push(message.payload ?? ""));
      await listener.query(`listen ${CHANNEL}`);
      const created = await createSelection(editor, settings());
      selectionIds.push(created.id);
      // PostgreSQL delivers a notice once the transaction has committed: wait for it, no fixed sleep.
      await expect.poll(() => notices.some((payload) => (JSON.parse(payload) as { tags?: string[] }).tags?.includes(`selection:${created.slug}`)), { timeout: 5_000, interval: 50 }).toBe(true);
    } finally {
      await listener.end();
    }
  });

  it("is for editors only", async () => {
    const journalist = await createActor(db, "JOURNALIST");
    await expect(createSelection(journalist, settings())).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(createSelection(null, settings())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
