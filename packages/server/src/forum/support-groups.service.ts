import type { GroupMessages, SupportGroup } from "@openclm/contracts";
import { audit } from "../audit/audit.service.js";
import { randomChars } from "../crypto/random-choice.js";
import { withTransaction } from "../db/database.js";
import { actorScope } from "../identity/scope.js";
import { AppError, notFound } from "../platform/app-error.js";
import type { Ctx } from "../platform/context.js";
import * as forumRepo from "./forum.repo.js";
import { assertNotSuspended, limitMember, memberId, screen } from "./forum.service.js";
import * as repo from "./support-groups.repo.js";

/** Invite codes people read out or type: no 0/O, 1/I/L. Eight characters: 31^8, far beyond guessing under the limits. */
const INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const INVITE_LENGTH = 8;
const MESSAGE_LIMIT = 200;

const presentGroup = (r: { group: repo.GroupRow; members: number }, staff: boolean): SupportGroup => ({
  id: r.group.id,
  name: r.group.name,
  members: r.members,
  readReceipts: r.group.readReceipts,
  ...(staff ? { inviteCode: r.group.inviteCode } : {}),
});

/**
 * A peer supporter creates a support group for a place in their scope ("MDR-TB treatment, Dalbek"); the answer holds
 * the invite code they pass on. Read receipts are off unless asked for. Audited.
 */
export async function createSupportGroup(
  ctx: Ctx,
  input: { name: string; areaId: string; readReceipts?: boolean },
): Promise<SupportGroup> {
  const scope = await actorScope(ctx);
  const path = await forumRepo.areaPath(ctx.db, input.areaId);
  if (!path.some((a) => scope.areaIds.includes(a))) throw new AppError("UNKNOWN_AREA", "Choose a place in your scope");
  return withTransaction(ctx, async (tx) => {
    let group: repo.GroupRow | undefined;
    for (let attempt = 0; !group && attempt < 5; attempt++) {
      group = await repo.insertGroup(tx, {
        name: input.name,
        areaId: input.areaId,
        readReceipts: input.readReceipts ?? false,
        inviteCode: randomChars(INVITE_ALPHABET, INVITE_LENGTH),
        createdBy: ctx.actor.type === "staff" ? ctx.actor.userId : null,
      });
    }
    if (!group) throw new AppError("SERVICE_UNAVAILABLE", "Could not create the group, try again");
    await audit(ctx, tx, { action: "support_group.created", entity: "support_group", entityId: group.id });
    return presentGroup({ group, members: 0 }, true);
  });
}

/** The groups a peer supporter looks after: those placed in their scope, with their invite codes. */
export async function listManagedSupportGroups(ctx: Ctx): Promise<{ items: SupportGroup[] }> {
  const scope = await actorScope(ctx);
  return { items: (await repo.groupsInScope(ctx.db, scope.areaIds)).map((r) => presentGroup(r, true)) };
}

export async function listMySupportGroups(ctx: Ctx): Promise<{ items: SupportGroup[] }> {
  return { items: (await repo.groupsOfMember(ctx.db, memberId(ctx))).map((r) => presentGroup(r, false)) };
}

/**
 * A member joins with the invite code (PRODUCT.md 7 `joinSupportGroup`). A wrong code answers 404; tries count
 * against the member's action limit, so codes cannot be guessed by brute force.
 */
export async function joinSupportGroup(ctx: Ctx, inviteCode: string): Promise<SupportGroup> {
  const accountId = memberId(ctx);
  const now = new Date();
  await assertNotSuspended(ctx.db, accountId, now);
  await limitMember(ctx, accountId, "action", now);
  const group = await repo.groupByInvite(ctx.db, inviteCode.toUpperCase().replace(/[\s-]/g, ""));
  if (!group) throw notFound("group");
  await withTransaction(ctx, async (tx) => {
    await repo.addMember(tx, group.id, accountId, now);
    await audit(ctx, tx, { action: "support_group.joined", entity: "support_group", entityId: group.id });
  });
  const mine = await repo.groupsOfMember(ctx.db, accountId);
  return presentGroup(mine.find((r) => r.group.id === group.id) ?? { group, members: 1 }, false);
}

async function membership(ctx: Ctx, groupId: string) {
  const accountId = memberId(ctx);
  const found = await repo.groupOfMember(ctx.db, groupId, accountId);
  if (!found) throw notFound("group");
  return { accountId, group: found.group };
}

/**
 * The group's last messages, its members' nicknames (nothing else about them), and — only when the group has read
 * receipts on — how many members have read up to each message. Reading records the member's read mark only then.
 */
export async function listGroupMessages(ctx: Ctx, groupId: string): Promise<GroupMessages> {
  const { accountId, group } = await membership(ctx, groupId);
  const now = new Date();
  if (group.readReceipts) await repo.markGroupRead(ctx.db, groupId, accountId, now);
  const [rows, members] = await Promise.all([
    repo.recentMessages(ctx.db, groupId, accountId, MESSAGE_LIMIT),
    repo.memberNicknames(ctx.db, groupId),
  ]);
  return {
    group: { id: group.id, name: group.name, readReceipts: group.readReceipts },
    members: members.map((m) => ({ nickname: m.nickname })),
    items: rows.map((r) => ({
      id: r.message.id,
      body: r.message.body,
      nickname: r.nickname ?? "—",
      mine: r.message.accountId === accountId,
      at: r.message.createdAt.toISOString(),
      status: r.message.status === "held" ? "held" : "published",
      seenBy: group.readReceipts
        ? members.filter((m) => m.lastReadAt && m.lastReadAt >= r.message.createdAt).length
        : null,
    })),
  };
}

/**
 * A member writes to the group; delivered at once over the live channel (SSE) to the members' open streams. A
 * message with a phone number, an e-mail address or a link is held: only its author sees it, marked, so nobody's
 * number goes round a group, until a moderator in scope releases it (as it is or edited) or hides it. A crisis keyword shows the helpline to the writer and alerts the moderators in scope;
 * the message itself still reaches the group, whose peers are there to support. The same clientId again answers the
 * first message.
 */
export async function sendGroupMessage(ctx: Ctx, groupId: string, input: { body: string; clientId: string }) {
  const { accountId, group } = await membership(ctx, groupId);
  const existing = await repo.messageByClientId(ctx.db, input.clientId);
  if (existing) {
    if (existing.accountId !== accountId || existing.groupId !== groupId)
      throw new AppError("CONFLICT", "This clientId was used for another message");
    return { created: false, result: { id: existing.id, status: heldOr(existing.status), helpline: null } };
  }
  const now = new Date();
  await assertNotSuspended(ctx.db, accountId, now);
  await limitMember(ctx, accountId, "post", now);
  const screened = await screen(ctx, accountId, input.body);
  // Chats are not pre-moderated (a group is invited and small; its peer supporter is there): only the holds count.
  const holds = screened.reasons.filter((r) => r === "phone" || r === "email" || r === "link");
  const status = holds.length ? ("held" as const) : ("published" as const);
  const message = await withTransaction(ctx, async (tx) => {
    const inserted = await repo.insertMessage(tx, {
      clientId: input.clientId,
      groupId,
      accountId,
      body: input.body,
      status,
      reasons: [...(screened.crisis ? ["crisis"] : []), ...holds],
      createdAt: now,
    });
    if (status === "published") await forumRepo.notifyForum(tx, { kind: "group", groupId, id: inserted.id });
    // A held message waits in the moderators' queue; a crisis one alerts them even though the group reads it.
    if (screened.crisis || status === "held")
      await forumRepo.notifyForum(tx, {
        kind: "queue",
        id: inserted.id,
        crisis: screened.crisis,
        areaPath: await forumRepo.areaPath(tx, group.areaId),
      });
    await audit(ctx, tx, {
      action: "support_group.message",
      entity: "support_group",
      entityId: groupId,
      details: { status, crisis: screened.crisis, holds },
    });
    return inserted;
  });
  return { created: true, result: { id: message.id, status, helpline: screened.helpline } };
}

const heldOr = (s: repo.MessageRow["status"]) => (s === "held" ? ("held" as const) : ("published" as const));

/** Leaves the group; the member's messages stay unless they delete them too. */
export async function leaveSupportGroup(ctx: Ctx, groupId: string) {
  const { accountId } = await membership(ctx, groupId);
  await withTransaction(ctx, async (tx) => {
    await repo.removeMember(tx, groupId, accountId);
    await audit(ctx, tx, { action: "support_group.left", entity: "support_group", entityId: groupId });
  });
  return { ok: true as const };
}

/** Erases every message the member wrote in the group, at once; the others see them go on their next load. */
export async function deleteMyGroupMessages(ctx: Ctx, groupId: string) {
  const { accountId } = await membership(ctx, groupId);
  const deleted = await withTransaction(ctx, async (tx) => {
    const n = await repo.eraseMessagesOf(tx, groupId, accountId, new Date());
    await audit(ctx, tx, {
      action: "support_group.messages_deleted",
      entity: "support_group",
      entityId: groupId,
      details: { count: n },
    });
    await forumRepo.notifyForum(tx, { kind: "group", groupId, id: null });
    return n;
  });
  return { deleted };
}

/** For the live stream: whether the account is (still) a member. */
export async function isMember(ctx: Ctx, groupId: string, accountId: string): Promise<boolean> {
  return !!(await repo.groupOfMember(ctx.db, groupId, accountId));
}
