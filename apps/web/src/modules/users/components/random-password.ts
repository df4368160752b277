import { passwordMeetsPolicy } from '@fazhi/contracts';

const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!@#$%^&*-_=+?'];

function randomInt(below: number): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return (buf[0] ?? 0) % below;
}

function pick(chars: string): string {
  return chars[randomInt(chars.length)] ?? '';
}

/** A 12-character password with all four character classes (for initial and reset passwords). */
export function randomPassword(length = 12): string {
  const all = SETS.join('');
  for (;;) {
    const chars = SETS.map(pick);
    while (chars.length < length) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    }
    const pw = chars.join('');
    if (passwordMeetsPolicy(pw, 8, 4)) return pw;
  }
}
