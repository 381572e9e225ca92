/**
 * Group commit: jobs that arrive while a write is in flight are written together in the next one, so a burst of
 * single-row requests costs a few multi-row statements instead of one statement and one commit each. A job that
 * finds the writer idle is written at once (after the current turn of the event loop, and a few more turns while
 * other requests of the same burst keep arriving, so they join it): a lone request waits one turn.
 *
 * `write` must be atomic (one statement or one transaction) and answer one result per job, in order. When a batch
 * of several jobs fails, each job is written again alone, so one bad job gets its own error and cannot fail the
 * others.
 */
/** At most this many extra event-loop turns are spent gathering a batch (microseconds each, only while jobs arrive). */
const GATHER_TURNS = 3;

export class GroupCommit<Job, Result> {
  private queue: { job: Job; resolve: (r: Result) => void; reject: (e: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly write: (jobs: Job[]) => Promise<Result[]>,
    private readonly opts: { maxBatch: number; maxInFlight: number },
  ) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ job, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.opts.maxInFlight || this.queue.length === 0) return;
    this.scheduled = true;
    this.gather(this.queue.length, GATHER_TURNS);
  }

  /** Waits turn by turn while jobs keep arriving (requests parsed in the same burst), then writes them together. */
  private gather(seen: number, turnsLeft: number): void {
    setImmediate(() => {
      if (turnsLeft > 0 && this.queue.length > seen && this.queue.length < this.opts.maxBatch) {
        this.gather(this.queue.length, turnsLeft - 1);
        return;
      }
      this.scheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    while (this.inFlight < this.opts.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.opts.maxBatch);
      this.inFlight++;
      void this.run(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  private async run(batch: GroupCommit<Job, Result>["queue"]): Promise<void> {
    try {
      const results = await this.write(batch.map((b) => b.job));
      for (const [i, b] of batch.entries()) b.resolve(results[i] as Result);
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err);
        return;
      }
      await Promise.all(
        batch.map(async (b) => {
          try {
            const [result] = await this.write([b.job]);
            b.resolve(result as Result);
          } catch (alone) {
            b.reject(alone);
          }
        }),
      );
    }
  }
}
