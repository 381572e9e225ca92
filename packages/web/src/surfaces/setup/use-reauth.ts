import { useRef, useState } from "preact/hooks";
import { ApiError } from "../../api/client.js";

/**
 * Sensitive changes may answer REAUTH_REQUIRED: `guard(write)` then opens the confirmation dialog and, once the
 * person has confirmed, tries the write again. Cancelling rejects with the original error.
 */
export function useReauth() {
  const [open, setOpen] = useState(false);
  const settle = useRef<((ok: boolean) => void) | null>(null);

  async function guard<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (!(err instanceof ApiError && err.code === "REAUTH_REQUIRED")) throw err;
      const ok = await new Promise<boolean>((resolve) => {
        settle.current = resolve;
        setOpen(true);
      });
      if (!ok) throw err;
      return write();
    }
  }

  const onDone = (ok: boolean) => {
    setOpen(false);
    settle.current?.(ok);
    settle.current = null;
  };

  return { guard, dialog: { open, onDone } };
}
