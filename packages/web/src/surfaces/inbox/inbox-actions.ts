/**
 * The one registry of inbox actions: each has an id, its keyboard shortcut and its label key. The shortcut
 * handler, the "?" help list and the buttons' titles and aria-keyshortcuts all read from here.
 */
export const inboxActions = [
  { id: "next", key: "j" },
  { id: "previous", key: "k" },
  { id: "open", key: "Enter" },
  { id: "back", key: "Escape" },
  { id: "search", key: "/" },
  { id: "validate", key: "v" },
  { id: "decline", key: "d" },
  { id: "assign", key: "a" },
  { id: "message", key: "m" },
  { id: "note", key: "n" },
  { id: "select", key: "x" },
  { id: "help", key: "?" },
] as const;

export type InboxActionId = (typeof inboxActions)[number]["id"];
export type InboxActionHandlers = Partial<Record<InboxActionId, () => void>>;

const byKey = new Map<string, InboxActionId>(inboxActions.map((a) => [a.key, a.id]));
const byId = new Map<InboxActionId, string>(inboxActions.map((a) => [a.id, a.key]));

export function actionForKey(key: string): InboxActionId | undefined {
  return byKey.get(key);
}

export function shortcutOf(id: InboxActionId): string {
  return byId.get(id) ?? "";
}

/** Attributes for a control that runs an action: its shortcut for assistive tech, and a tooltip naming it. */
export function actionAttrs(id: InboxActionId, label: string): { title: string; "aria-keyshortcuts": string } {
  const key = shortcutOf(id);
  return { title: `${label} (${key})`, "aria-keyshortcuts": key };
}
