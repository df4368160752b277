import { createHmac, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context';
import type { Db } from '../../../platform/db/pool';
import { settings } from '../../../platform/db/schema';
import { AppError } from '../../../platform/errors';

/*
 * A keyed hash of an officer's ID number, for uniqueness without storing the number in clear
 * (个人信息保护法 第五十一条). The HMAC key — 32 random bytes created on first use — is kept in `settings`,
 * encrypted with the field key (ctx.crypto), so a stolen table does not let anyone test ID numbers against it.
 */
const SETTINGS_KEY = 'enforcement.officer_id_hmac_key';
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
    stored = await read();
  }
  if (!stored) throw new AppError('INTERNAL');
  return Buffer.from(ctx.crypto.decrypt(stored.encrypted), 'hex');
}

/** HMAC-SHA256 of the normalised (upper-case) ID number. */
export async function idNumberHasher(ctx: Ctx): Promise<(idNumber: string) => string> {
  let k = keys.get(ctx.db);
  if (!k) {
    k = loadKey(ctx);
    k.catch(() => keys.delete(ctx.db));
    keys.set(ctx.db, k);
  }
  const key = await k;
  return (idNumber) => createHmac('sha256', key).update(`id|${idNumber.toUpperCase()}`).digest('base64url');
}
