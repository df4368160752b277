import { isoDateSchema } from '@fazhi/contracts';
import { sql } from 'drizzle-orm';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import type { JobDefinition } from '../../../platform/jobs';
import { notify, type NewNotification } from '../../../platform/notify/notify.service';

/** Reminders start this many days before a certificate's validity ends (到期换新, DOMAIN.md §4.2) … */
export const EXPIRY_REMINDER_DAYS = 90;
/** … and this many days before the annual review (年审) falls due: one year after issue or the last review. */
export const REVIEW_REMINDER_DAYS = 30;

type Due = {
  certificate_id: string;
  number: string;
  kind: string;
  officer_name: string;
  org_id: string;
  reason: 'expiry' | 'review';
  due_on: string;
  user_id: string;
};

/**
 * Daily scan: active certificates expiring within 90 days, and annual reviews due within 30 days (or overdue),
 * notify the body's 经办人 and 负责人 — once per certificate, reason and due date (the notification dedupe key),
 * so reruns and retries add nothing.
 */
export async function scanCertificateReminders(ctx: Ctx, date: string): Promise<number> {
  const rows = (
    await ctx.db.execute<Due>(sql`
      with due as (
        select c.id, c.number, c.kind, c.org_id, o.name as officer_name, 'expiry' as reason,
               to_char(c.valid_to, 'YYYY-MM-DD') as due_on
          from enforcement_certificates c join enforcement_officers o on o.id = c.officer_id
         where c.status = 'active' and c.ended_on is null
           and c.valid_to between ${date}::date and ${date}::date + ${EXPIRY_REMINDER_DAYS}::int
        union all
        select c.id, c.number, c.kind, c.org_id, o.name, 'review',
               to_char((coalesce(c.last_reviewed_on, c.issued_on) + interval '1 year')::date, 'YYYY-MM-DD')
          from enforcement_certificates c join enforcement_officers o on o.id = c.officer_id
         where c.status = 'active' and c.ended_on is null and c.issued_on is not null
           and (coalesce(c.last_reviewed_on, c.issued_on) + interval '1 year')::date
               <= ${date}::date + ${REVIEW_REMINDER_DAYS}::int
           and (coalesce(c.last_reviewed_on, c.issued_on) + interval '1 year')::date <= c.valid_to
      )
      select due.id as certificate_id, due.number, due.kind, due.officer_name, due.org_id, due.reason, due.due_on,
             u.id as user_id
        from due
        join users u on u.org_id = due.org_id and not u.disabled
        join user_roles r on r.user_id = u.id and r.role in ('staff', 'head')
       group by due.id, due.number, due.kind, due.officer_name, due.org_id, due.reason, due.due_on, u.id`)
  ).rows;
  const items: NewNotification[] = rows.map((r) => {
    const kind = r.kind === 'supervision' ? '行政执法监督证' : '行政执法证';
    return r.reason === 'expiry'
      ? {
          userId: r.user_id,
          kind: 'enforcement.certificate.expiry',
          title: `${kind}即将到期：${r.officer_name}`,
          body: `${r.officer_name}的${kind}（证号 ${r.number}）将于 ${r.due_on} 到期，请及时申请换发。`,
          link: '/enforcement/officers',
          dedupeKey: `enforcement.cert:${r.certificate_id}:expiry:${r.due_on}`,
        }
      : {
          userId: r.user_id,
          kind: 'enforcement.certificate.review',
          title: `${kind}年审提醒：${r.officer_name}`,
          body: `${r.officer_name}的${kind}（证号 ${r.number}）应于 ${r.due_on} 前完成年审，请组织年度培训考核并报司法行政部门年审。`,
          link: '/enforcement/officers',
          dedupeKey: `enforcement.cert:${r.certificate_id}:review:${r.due_on}`,
        };
  });
  let sent = 0;
  for (let i = 0; i < items.length; i += 500) sent += await notify(ctx.db, items.slice(i, i + 500));
  return sent;
}

export const certificateRemindersJob: JobDefinition = {
  name: 'enforcement.certificates.remind',
  cron: '20 0 * * *',
  handler: async (ctx, data) => {
    const date =
      typeof data.date === 'string' && isoDateSchema.safeParse(data.date).success
        ? data.date
        : shanghaiToday(ctx.now());
    await scanCertificateReminders(ctx, date);
  },
};
