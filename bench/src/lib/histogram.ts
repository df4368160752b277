/**
 * A log-linear latency histogram in the spirit of HdrHistogram: values (microseconds) below 256 are
 * exact, larger ones fall into buckets of 128 linear sub-buckets per power of two (< 0.8 % relative
 * error, reported at the bucket midpoint). Fixed memory, O(1) record, mergeable.
 */
const SUB = 128;
const EXACT = 256;
const SIZE = EXACT + 40 * SUB;

export class Histogram {
  readonly counts = new Float64Array(SIZE);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = 0;

  record(valueUs: number): void {
    const v = Math.max(0, Math.round(valueUs));
    this.counts[Histogram.indexOf(v)]! += 1;
    this.count++;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  static indexOf(v: number): number {
    if (v < EXACT) return v;
    const shift = Math.floor(Math.log2(v)) - 7; // v >> shift lies in [128, 256)
    const sub = Math.floor(v / 2 ** shift);
    return Math.min(SIZE - 1, EXACT + (shift - 1) * SUB + (sub - SUB));
  }

  static valueAt(index: number): number {
    if (index < EXACT) return index;
    const k = index - EXACT;
    const shift = Math.floor(k / SUB) + 1;
    const sub = (k % SUB) + SUB;
    const lower = sub * 2 ** shift;
    const upper = (sub + 1) * 2 ** shift - 1;
    return (lower + upper) / 2;
  }

  /** The value at percentile p (0–100), microseconds. */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    const target = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < SIZE; i++) {
      seen += this.counts[i] as number;
      if (seen >= target) return Math.min(this.max, Math.max(this.min, Histogram.valueAt(i)));
    }
    return this.max;
  }

  mean(): number {
    return this.count ? this.sum / this.count : 0;
  }

  merge(other: Histogram): void {
    for (let i = 0; i < SIZE; i++) this.counts[i]! += other.counts[i] as number;
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }
}
