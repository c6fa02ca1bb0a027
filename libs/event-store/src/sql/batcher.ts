/** One item's failure inside a batch that otherwise succeeded. */
export class ItemFailure {
  constructor(readonly error: unknown) {}
}

interface Pending<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces concurrent calls into batches, the way a database groups commits: an item goes at
 * once while fewer than `lanes` batches are in flight; otherwise it waits, and everything that
 * waited goes together (up to `maxBatch`) when a lane frees. So a lone caller pays nothing, and
 * under load one statement (one round trip, one commit) serves many callers.
 *
 * `run` answers every item, in order: a value, or an `ItemFailure` for that item alone. If `run`
 * throws, every item in the batch fails with that error.
 */
export class Batcher<I, O> {
  private queue: Pending<I, O>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: I[]) => Promise<(O | ItemFailure)[]>,
    private readonly options: { lanes: number; maxBatch: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < this.options.lanes && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.settle(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async settle(batch: Pending<I, O>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((p) => p.item));
      batch.forEach((p, i) => {
        const r = results[i];
        if (r instanceof ItemFailure) p.reject(r.error);
        else p.resolve(r);
      });
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }
}
