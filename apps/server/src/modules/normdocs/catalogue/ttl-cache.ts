/**
 * A small time-bounded memo for counts and lists that many callers ask for with the same key (the public
 * catalogue's total and its organisation filter). Public data only — nothing keyed by a caller's scope may
 * be cached across callers unless the scope is part of the key.
 */
export class TtlCache<T> {
  private entries = new Map<string, { v: T; at: number }>();
  private inFlight = new Map<string, Promise<T>>();
  constructor(
    private readonly ttlMs: number,
    private readonly max = 2000,
  ) {}

  async get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.v;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const p = load().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, p);
    const v = await p;
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, { v, at: Date.now() });
    return v;
  }

  clear(): void {
    this.entries.clear();
  }
}
