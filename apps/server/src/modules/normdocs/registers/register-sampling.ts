import { createHash, randomBytes } from 'node:crypto';
import { SAMPLE_ALGORITHM } from '@fazhi/contracts';

/**
 * The reproducible sample of a 发文目录 (algorithm `SAMPLE_ALGORITHM`, described in the contracts):
 * seqs sorted ascending; for i = 0 … k−1 draw u_i = first 48 bits of SHA-256("<seed>:<i>"), j = i + u_i mod (n−i),
 * swap a[i], a[j]; the sample is a[0…k−1], ascending. The modulo bias is below n / 2^48 — negligible.
 * Pure and deterministic: anyone with the seed and the register can re-draw it (e.g. in a spreadsheet or Python).
 */
export function drawSample(seqs: readonly number[], size: number, seed: string): number[] {
  const a = [...seqs].sort((x, y) => x - y);
  const k = Math.min(size, a.length);
  for (let i = 0; i < k; i++) {
    const digest = createHash('sha256').update(`${seed}:${i}`, 'utf8').digest();
    const u = digest.readUIntBE(0, 6);
    const j = i + (u % (a.length - i));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
  return a.slice(0, k).sort((x, y) => x - y);
}

/** A fresh seed when the caller gives none: 16 random hex digits (recorded on the register). */
export const randomSeed = (): string => randomBytes(8).toString('hex');

export { SAMPLE_ALGORITHM };
