import { useEffect, useRef } from "preact/hooks";
import { actionForKey, type InboxActionHandlers } from "./inbox-actions.js";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/**
 * Runs the registered action for a key press, unless the person is typing or a modifier is held. Escape works in
 * fields too (it leaves them); Enter only when focus is not on a control that has its own Enter.
 */
export function useShortcuts(handlers: InboxActionHandlers): void {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const id = actionForKey(e.key);
      if (!id) return;
      if (id !== "back" && isTyping(e.target)) return;
      if (id === "open" && e.target instanceof HTMLElement && e.target.closest("button, a, summary, dialog")) return;
      if (id === "back" && document.querySelector("dialog[open]")) return;
      const run = ref.current[id];
      if (!run) return;
      e.preventDefault();
      run();
    };
    addEventListener("keydown", onKey);
    return () => removeEventListener("keydown", onKey);
  }, []);
}
