import { ASSIGN_ID } from "./assign-panel.js";
import { DECLINE_REASON_ID, VALIDATE_ID } from "./decision-panel.js";
import { NOTE_ID } from "./internal-note.js";
import { SEARCH_ID } from "./queue-search.js";
import { REPLY_ID } from "./report-messages.js";
import type { useInboxLocation } from "./use-inbox-location.js";
import { useShortcuts } from "./use-shortcuts.js";

function rows(): HTMLAnchorElement[] {
  return [...document.querySelectorAll<HTMLAnchorElement>(".queue a[data-row]")];
}

function focusById(id: string): void {
  const el = document.getElementById(id);
  if (el instanceof HTMLButtonElement) el.click();
  else el?.focus();
}

/** Wires the action registry's keys to the inbox: moving through the queue, opening, and the report's actions. */
export function useInboxShortcuts(opts: { loc: ReturnType<typeof useInboxLocation>; onHelp(): void }) {
  const move = (step: number) => {
    const list = rows();
    if (!list.length) return;
    const from = list.indexOf(document.activeElement as HTMLAnchorElement);
    const current = from >= 0 ? from : list.findIndex((a) => a.getAttribute("aria-current") === "true");
    const next = list[Math.min(list.length - 1, Math.max(0, current < 0 ? 0 : current + step))];
    next?.focus();
    next?.scrollIntoView({ block: "nearest" });
  };
  useShortcuts({
    next: () => move(1),
    previous: () => move(-1),
    open: () => rows()[0]?.click(),
    back: () => {
      const id = opts.loc.selectedId;
      if (!id) return;
      opts.loc.close();
      requestAnimationFrame(() =>
        rows()
          .find((a) => a.pathname.endsWith(id))
          ?.focus(),
      );
    },
    search: () => focusById(SEARCH_ID),
    validate: () => focusById(VALIDATE_ID),
    decline: () => focusById(DECLINE_REASON_ID),
    assign: () => focusById(ASSIGN_ID),
    message: () => focusById(REPLY_ID),
    note: () => focusById(NOTE_ID),
    select: () => {
      // The focused row's checkbox (rows take focus with j and k); nothing when bulk actions are not offered.
      const row = document.activeElement instanceof HTMLElement ? document.activeElement.closest(".queue-row") : null;
      row?.querySelector<HTMLInputElement>(".queue-row__check")?.click();
    },
    help: opts.onHelp,
  });
}
