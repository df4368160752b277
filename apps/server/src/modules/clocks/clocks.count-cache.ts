/**
 * Short-lived cache of the list's capped counts. Paging through a list (or many users of one jurisdiction
 * looking at the same filter) asks for the same count again and again; counting up to 10,001 index entries
 * each time would cost more than the page itself.
 *
 * Correctness: a count is keyed by the caller's data scope and every filter, so no one sees a count over
 * records outside their scope. Any clock write in this process bumps the generation after its commit, which
 * drops every cached count at once; writes made by another server process are seen within TTL_MS.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 5_000;

let generation = 0;
const entries = new Map<string, { n: number; at: number; generation: number }>();
const inFlight = new Map<string, { promise: Promise<number>; generation: number }>();

/** Call after a transaction that created or changed clocks has committed. */
export function invalidateClockCounts(): void {
  generation += 1;
  entries.clear();
}

export async function cachedCount(key: string, count: () => Promise<number>): Promise<number> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.generation === generation && now - hit.at < TTL_MS) return hit.n;
  const pending = inFlight.get(key);
  if (pending && pending.generation === generation) return pending.promise;
  const gen = generation; // taken before the query: a write committing meanwhile makes this result stale at once
  const promise: Promise<number> = count().finally(() => {
    if (inFlight.get(key)?.promise === promise) inFlight.delete(key);
  });
  inFlight.set(key, { promise, generation: gen });
  const n = await promise;
  if (gen === generation) {
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(key, { n, at: Date.now(), generation: gen });
  }
  return n;
}
