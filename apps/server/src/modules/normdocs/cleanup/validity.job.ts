import { NORMDOC_DEFAULT_SETTINGS, NORMDOC_IN_FORCE, addDays, isIsoDate } from '@fazhi/contracts';
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { runOnce, type JobDefinition } from '../../../platform/jobs';
import { notify } from '../../../platform/notify/notify.service';
import { endDocInTx } from '../normdocs.ending';
import { recordEvent } from '../normdocs.events';
import { settingsFor, type ResolvedSettings } from '../normdocs.settings';
import { normdocEvents, normdocRegionSettings, normdocs } from '../normdocs.tables';
import { applyDueCampaigns } from './cleanup.service';

/*
 * 有效期 (DOMAIN.md §1.5 Validity period): documents lose effect when their validity ends unless re-issued —
 * “一般不超过5年；暂行/试行 不超过2年” is FROM MEMORY (Henan 226号 not seen), so the period and the warning
 * lead time are per-jurisdiction settings (validityYears, provisionalValidityYears, expiryWarningDays).
 */

export const EXPIRY_REASON = '有效期届满自动失效';
const REMINDED = 'expiry_reminded';

export type ValidityResult = { reminded: number; notified: number; expired: number };

/**
 * (a) Reminds the issuing organisation's 经办人/负责人 of each in-force document whose validUntil is within the
 * jurisdiction's expiryWarningDays — once per document and validUntil (remembered as a timeline event, and the
 * notifications carry a dedupe key); (b) expires each in-force document whose validUntil has passed: it stops
 * being in force the day after validUntil. Each document in its own runOnce transaction.
 */
export async function scanValidity(ctx: Ctx, today: string): Promise<ValidityResult> {
  if (!isIsoDate(today)) throw new AppError('INVALID_DATE', `日期格式应为 YYYY-MM-DD：${today}`);
  const result: ValidityResult = { reminded: 0, notified: 0, expired: 0 };
  const cache = new Map<string, Promise<ResolvedSettings>>();
  const settings = (path: string) => {
    let s = cache.get(path);
    if (!s) cache.set(path, (s = settingsFor(ctx.db, path)));
    return s;
  };

  // (a) reminders
  const [maxRow] = await ctx.db
    .select({ n: sql<number | null>`max(${normdocRegionSettings.expiryWarningDays})::int` })
    .from(normdocRegionSettings);
  const horizon = addDays(today, Math.max(maxRow?.n ?? 0, NORMDOC_DEFAULT_SETTINGS.expiryWarningDays));
  const soon = await ctx.db
    .select({
      id: normdocs.id,
      title: normdocs.title,
      orgId: normdocs.orgId,
      regionPath: normdocs.regionPath,
      validUntil: normdocs.validUntil,
      registrationNumber: normdocs.registrationNumber,
    })
    .from(normdocs)
    .where(
      and(
        inArray(normdocs.status, [...NORMDOC_IN_FORCE]),
        isNotNull(normdocs.validUntil),
        gte(normdocs.validUntil, today),
        lte(normdocs.validUntil, horizon),
      ),
    )
    .orderBy(asc(normdocs.validUntil));
  for (const d of soon) {
    const validUntil = d.validUntil as string;
    const s = await settings(d.regionPath);
    if (validUntil > addDays(today, s.expiryWarningDays)) continue;
    let sent = 0;
    const ran = await runOnce(ctx.db, `normdoc.expiry.remind:${d.id}:${validUntil}`, async (tx) => {
      const done = await tx
        .select({ id: normdocEvents.id })
        .from(normdocEvents)
        .where(
          and(
            eq(normdocEvents.docId, d.id),
            eq(normdocEvents.action, REMINDED),
            sql`${normdocEvents.data}->>'validUntil' = ${validUntil}`,
          ),
        )
        .limit(1);
      if (done.length) return;
      const recipients = await tx.execute<{ user_id: string }>(sql`
        select distinct u.id as user_id from users u join user_roles r on r.user_id = u.id
         where u.org_id = ${d.orgId} and r.role in ('staff', 'head') and not u.disabled`);
      const number = d.registrationNumber ? `（${d.registrationNumber}）` : '';
      sent = await notify(
        tx,
        recipients.rows.map((r) => ({
          userId: r.user_id,
          kind: 'normdoc.expiry_soon',
          title: `规范性文件有效期即将届满：${d.title}`,
          body: `“${d.title}”${number}的有效期至 ${validUntil}，届满后自动失效。需要继续施行的，请在届满前完成评估并按程序重新制定或修改后公布。`,
          link: `/normdocs/${d.id}`,
          dedupeKey: `normdoc.expiry:${d.id}:${validUntil}`,
        })),
      );
      await recordEvent(tx, ctx, d.id, {
        action: REMINDED,
        note: `有效期将于 ${validUntil} 届满，已提醒制定机关`,
        data: { validUntil, recipients: recipients.rows.length },
      });
    });
    if (ran) {
      result.reminded += 1;
      result.notified += sent;
    }
  }

  // (b) expiry
  const expired = await ctx.db
    .select({ id: normdocs.id, validUntil: normdocs.validUntil })
    .from(normdocs)
    .where(
      and(
        inArray(normdocs.status, [...NORMDOC_IN_FORCE]),
        isNotNull(normdocs.validUntil),
        lt(normdocs.validUntil, today),
      ),
    );
  for (const d of expired) {
    const validUntil = d.validUntil as string;
    const ran = await runOnce(ctx.db, `normdoc.expire:${d.id}:${validUntil}`, async (tx) => {
      await endDocInTx(tx, ctx, d.id, 'expire', addDays(validUntil, 1), EXPIRY_REASON);
    });
    if (ran) result.expired += 1;
  }
  return result;
}

/** Daily at 00:15 Asia/Shanghai; `data.date` reruns a given day. */
export const validityJob: JobDefinition = {
  name: 'normdoc.validity',
  cron: '15 0 * * *',
  handler: async (ctx, data) => {
    await scanValidity(ctx, typeof data.date === 'string' ? data.date : shanghaiToday(ctx.now()));
  },
};

/** Daily at 00:20: applies the clean-up decisions whose effective date has arrived (each exactly once). */
export const cleanupApplyJob: JobDefinition = {
  name: 'normdoc.cleanup.apply',
  cron: '20 0 * * *',
  handler: async (ctx, data) => {
    await applyDueCampaigns(ctx, typeof data.date === 'string' ? data.date : shanghaiToday(ctx.now()));
  },
};
