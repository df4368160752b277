import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { CommentChallenge } from '@fazhi/contracts';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { Db } from '../../../platform/db/pool';
import { settings } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';

/*
 * The portal's anti-spam challenge and the submitter's IP pseudonym. Both are HMACs under one key of this
 * module: 32 random bytes created on first use and kept in `settings`, encrypted with the field key
 * (FAZHI_SECRET_KEY / DATA_DIR/secret.key via ctx.crypto), so the key survives restarts, is shared by every
 * process on the database and is unreadable without the server's secret.
 * The challenge is stateless: the token carries its expiry and a nonce, and the HMAC binds them to the
 * answer and to the caller's IP pseudonym, so a token solved once cannot be handed to another address;
 * a solved token is spent on use.
 */

const SETTINGS_KEY = 'normdoc.comment_hmac_key';
export const CHALLENGE_TTL_MS = 10 * 60 * 1000;

const keys = new WeakMap<Db, Promise<Buffer>>();

async function loadKey(ctx: Ctx): Promise<Buffer> {
  const read = async () =>
    (await ctx.db.select().from(settings).where(eq(settings.key, SETTINGS_KEY)))[0]?.value as
      { encrypted: string } | undefined;
  let stored = await read();
  if (!stored) {
    const fresh = { encrypted: ctx.crypto.encrypt(randomBytes(32).toString('hex')) };
    await ctx.db
      .insert(settings)
      .values({ key: SETTINGS_KEY, value: fresh })
      .onConflictDoNothing({ target: settings.key });
    stored = await read(); // another process may have won the race: use whichever row is stored
  }
  if (!stored) throw new AppError('INTERNAL');
  return Buffer.from(ctx.crypto.decrypt(stored.encrypted), 'hex');
}

function hmacKey(ctx: Ctx): Promise<Buffer> {
  let k = keys.get(ctx.db);
  if (!k) {
    k = loadKey(ctx);
    k.catch(() => keys.delete(ctx.db));
    keys.set(ctx.db, k);
  }
  return k;
}

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest('base64url');

/** Pseudonym of the caller's IP address (not reversible without the key); used for the per-day cap. */
export async function ipHash(ctx: Ctx): Promise<string> {
  return mac(await hmacKey(ctx), `ip|${ctx.ip ?? 'unknown'}`);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–20 in Chinese numerals: 七, 十二, 二十. */
export function chineseNumber(n: number): string {
  if (n <= 10) return DIGITS[n] as string;
  if (n < 20) return `十${DIGITS[n - 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
}

const challengeText = (token: string, answer: number, ip: string) => `challenge|${token}|${answer}|${ip}`;

/** A question like 「十二减五等于几？」 whose answer is a small whole number. */
export async function makeChallenge(ctx: Ctx): Promise<CommentChallenge> {
  const plus = randomInt(2) === 0;
  let a = randomInt(1, 21);
  let b = randomInt(1, 10);
  if (!plus && b > a) [a, b] = [b, a];
  const answer = plus ? a + b : a - b;
  const expires = ctx.now().getTime() + CHALLENGE_TTL_MS;
  const head = `${expires}.${randomBytes(9).toString('base64url')}`;
  const sig = mac(await hmacKey(ctx), challengeText(head, answer, await ipHash(ctx)));
  return {
    question: `${chineseNumber(a)}${plus ? '加' : '减'}${chineseNumber(b)}等于几？（请填写阿拉伯数字）`,
    token: `${head}.${sig}`,
    expiresAt: new Date(expires).toISOString(),
  };
}

/** Full-width digits (０-９) typed by Chinese input methods count as digits. */
const normaliseAnswer = (s: string) =>
  s.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48));

/** CHALLENGE_FAILED (400) when the token is malformed, expired, from another address or the answer is wrong. */
export async function verifyChallenge(ctx: Ctx, token: string, answer: string): Promise<void> {
  const parts = token.split('.');
  const normal = normaliseAnswer(answer);
  const expires = Number(parts[0]);
  if (parts.length !== 3 || !Number.isFinite(expires) || !/^\d{1,3}$/.test(normal)) {
    throw new AppError('CHALLENGE_FAILED');
  }
  if (expires < ctx.now().getTime()) {
    throw new AppError('CHALLENGE_FAILED', '验证题已过期（有效期10分钟），请换一题后重新作答');
  }
  const head = `${parts[0]}.${parts[1]}`;
  const expected = Buffer.from(
    mac(await hmacKey(ctx), challengeText(head, Number(normal), await ipHash(ctx))),
  );
  const given = Buffer.from(parts[2] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw new AppError('CHALLENGE_FAILED');
  }
  if (!spend(head, expires, ctx.now().getTime())) {
    throw new AppError('CHALLENGE_FAILED', '该验证题已使用过，请换一题后重新作答');
  }
}

/*
 * Solved tokens are single-use: remembered until they expire. In memory is enough — one server process holds
 * the database (DATA_DIR lock), and a restart forgets only tokens that the per-day cap still bounds.
 */
const spent = new Map<string, number>();

function spend(head: string, expires: number, now: number): boolean {
  if (spent.size > 10_000) for (const [k, exp] of spent) if (exp < now) spent.delete(k);
  if (spent.has(head)) return false;
  spent.set(head, expires);
  return true;
}
