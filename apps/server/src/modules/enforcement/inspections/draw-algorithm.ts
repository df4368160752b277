import { createHash, randomBytes } from 'node:crypto';
import { DRAW_ALGORITHM } from '@fazhi/contracts';

/**
 * The reproducible 双随机 draw (`DRAW_ALGORITHM`, described for the public in the contracts): the pool sorted
 * ascending (code-unit order); for i = 0 … k−1, u_i = first 48 bits of SHA-256("<seed>:<label>:<i>"),
 * j = i + u_i mod (n−i), swap a[i], a[j]; the draw is a[0…k−1] in draw order. Same approach as the 发文目录
 * sample (normdocs/registers/register-sampling.ts); the label keeps the enterprise and inspector draws independent.
 * O(n log n) for the sort + O(k) hashes: 500 of 200,000 in a few milliseconds.
 */
export function drawFrom(pool: readonly string[], size: number, seed: string, label: string): string[] {
  const a = sortPool(pool);
  const k = Math.min(size, a.length);
  for (let i = 0; i < k; i++) {
    const digest = createHash('sha256').update(`${seed}:${label}:${i}`, 'utf8').digest();
    const j = i + (digest.readUIntBE(0, 6) % (a.length - i));
    const t = a[i] as string;
    a[i] = a[j] as string;
    a[j] = t;
  }
  return a.slice(0, k);
}

export const sortPool = (pool: readonly string[]): string[] =>
  [...pool].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));

/** SHA-256 (hex) of the sorted pool joined by "\n" — published so anyone can check they hold the same pool. */
export const poolHash = (sortedPool: readonly string[]): string =>
  createHash('sha256').update(sortedPool.join('\n'), 'utf8').digest('hex');

/** A fresh seed when the caller gives none: 16 random hex digits (recorded on the draw). */
export const randomSeed = (): string => randomBytes(8).toString('hex');

export { DRAW_ALGORITHM };
