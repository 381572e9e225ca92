import { useEffect, useState } from "preact/hooks";

/** Copies text to the clipboard; `copied` is true for a few seconds after it worked. */
export function useCopy(): { copied: boolean; failed: boolean; copy(text: string): void } {
  const [copied, setCopied] = useState(false);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 4000);
    return () => clearTimeout(timer);
  }, [copied]);
  const copy = (text: string) => {
    const write = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error("no clipboard"));
    write.then(
      () => {
        setFailed(false);
        setCopied(true);
      },
      () => setFailed(true),
    );
  };
  return { copied, failed, copy };
}
