import { useEffect, useRef } from "preact/hooks";
import { useT } from "../../i18n/use-t.js";
import { inboxActions } from "./inbox-actions.js";

/** "?" — the list of keyboard shortcuts, straight from the action registry. */
export function ShortcutsDialog(props: { open: boolean; onClose(): void }) {
  const t = useT("inbox");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="shortcuts-title" onClose={props.onClose}>
      <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
      <dl class="shortcut-list">
        {inboxActions.map((a) => (
          <div key={a.id}>
            <dt>
              <kbd>{t(`shortcuts.keys.${a.id}`)}</kbd>
            </dt>
            <dd>{t(`actions.${a.id}`)}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" class="button">
          {t("shortcuts.close")}
        </button>
      </form>
    </dialog>
  );
}
