/**
 * Calls `onNear` once, when `node` comes within `margin` of the screen (IntersectionObserver's rootMargin), and
 * returns the function that stops watching. The dashboard's charts and map wait for it: on a phone they sit screens
 * below the headline figures, and a visitor who reads only those should not pay for drawing them (issue 21: the
 * public dashboard's first load spent seconds of a phone's processor on charts nobody had scrolled to).
 */
export function whenNearScreen(node: Element, onNear: () => void, margin = "200px"): () => void {
  const seen = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      onNear();
    },
    { rootMargin: margin },
  );
  seen.observe(node);
  return () => seen.disconnect();
}

let queue: Promise<void> = Promise.resolve();

/**
 * Runs `work` in a task of its own, after the work queued before it: charts that come into view together are
 * drawn one per task, so the page can answer a tap between two of them instead of freezing until all are drawn.
 */
export function inOwnTask(work: () => void): void {
  queue = queue.then(
    () =>
      new Promise<void>((done) => {
        setTimeout(() => {
          try {
            work();
          } finally {
            done();
          }
        }, 0);
      }),
  );
}
