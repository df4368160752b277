/**
 * Check-character validators for Chinese identifiers (DOMAIN.md §11).
 */

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** 统一社会信用代码 check character, GB 32100-2015 (weights 3^i mod 31). */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const c = (31 - (sum % 31)) % 31;
  return USCC_CHARS[c] ?? null;
}

/** 组织机构代码 check character, GB 11714 (positions 9–17 of a USCC). */
export function orgCodeCheckChar(first8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i] ?? '';
    let v: number;
    if (/[0-9]/.test(ch)) v = Number(ch);
    else if (/[A-Z]/.test(ch)) v = ch.charCodeAt(0) - 55;
    else return null;
    sum += v * (ORG_WEIGHTS[i] ?? 0);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return false;
  // The embedded organisation code has its own check character (GB 11714).
  return orgCodeCheckChar(code.slice(8, 16)) === code[16];
}

/** Completes 17 characters into a valid USCC (used by demo data and tests). */
export function completeUscc(first16: string): string {
  const org = orgCodeCheckChar(first16.slice(8, 16));
  const first17 = first16 + org;
  return first17 + usccCheckChar(first17);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** 居民身份号码 check character, GB 11643-1999. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

export function isValidIdNumber(id: string, today = new Date()): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  if (y < 1900 || birth.getTime() > today.getTime()) return false;
  return idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** GB/T 2260 six-digit code shape; existence is checked against the region table. */
export function isRegionCodeShape(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code) || /^[1-9]\d{8}$/.test(code) || /^[1-9]\d{11}$/.test(code);
}

export function isValidMobile(m: string): boolean {
  return /^1[3-9]\d{9}$/.test(m);
}

/** Masks a sensitive value keeping the first `head` and last `tail` characters: 410***********1234. */
export function maskMiddle(value: string, head: number, tail: number): string {
  if (value.length <= head + tail) return '*'.repeat(value.length);
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}
export const maskIdNumber = (id: string) => maskMiddle(id, 3, 4);
export const maskMobile = (m: string) => maskMiddle(m, 3, 4);
