import { useCallback, useState } from "preact/hooks";
import { type Draft, newDraft } from "./draft.js";
import { clearDraft, loadDraft, saveDraft } from "./draft-storage.js";

export type UpdateDraft = (patch: Partial<Draft>) => void;

/** The report being written, saved to sessionStorage on every change so a reload keeps it. */
export function useDraft(): { draft: Draft; update: UpdateDraft; replace(next: Draft | null): void } {
  const [draft, setDraft] = useState<Draft>(() => loadDraft() ?? newDraft());
  const update = useCallback<UpdateDraft>((patch) => {
    setDraft((d) => {
      const next = { ...d, ...patch };
      saveDraft(next);
      return next;
    });
  }, []);
  const replace = useCallback((next: Draft | null) => {
    if (next) saveDraft(next);
    else clearDraft();
    setDraft(next ?? newDraft());
  }, []);
  return { draft, update, replace };
}
