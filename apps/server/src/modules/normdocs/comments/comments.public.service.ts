import {
  addDays,
  type CommentSubmit,
  type PublicCommentPeriod,
  type PublicCommentPeriodSummary,
  type publicCommentPeriodListQuerySchema,
} from '@fazhi/contracts';
import type { z } from 'zod';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { ipHash, verifyChallenge } from './comments.challenge';
import { periodState } from './comments.present';
import {
  commentsOfPeriods,
  countSubmissionsOn,
  findPeriodWithOrg,
  insertComment,
  listPublicPeriods,
  type PeriodRow,
} from './comments.repository';

// The public portal side of 征求意见 (no login): list, read, submit. Never returns names or contact details.

/** Closed periods stay on the portal's list this long after closesOn. */
export const RECENTLY_CLOSED_DAYS = 180;
/** Comments one IP address may submit to one draft per day (on top of the per-minute rate limit). */
export const DAILY_CAP_PER_IP = 10;

const today = (ctx: Ctx) => shanghaiToday(ctx.now());

function summary(
  p: PeriodRow,
  orgName: string,
  commentCount: number,
  day: string,
): PublicCommentPeriodSummary {
  return {
    id: p.id,
    draftTitle: p.draftTitle,
    orgName,
    opensOn: p.opensOn,
    closesOn: p.closesOn,
    days: p.days,
    state: periodState(p, day),
    commentCount,
  };
}

export async function listOpenPeriods(ctx: Ctx, q: z.infer<typeof publicCommentPeriodListQuerySchema>) {
  const day = today(ctx);
  const { rows, total } = await listPublicPeriods(ctx.db, {
    today: day,
    closesFrom: addDays(day, -RECENTLY_CLOSED_DAYS),
    state: q.state,
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  });
  return {
    items: rows.map((r) => summary(r.period, r.orgName, r.commentCount, day)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * The draft and, once the drafter has published the 采纳情况说明 (国办发〔2018〕37号 (五), FROM MEMORY: 对意见
 * 采纳情况予以说明), the explanation and each comment's handling. A period not yet open is not found.
 */
export async function getPublicPeriod(ctx: Ctx, id: string): Promise<PublicCommentPeriod> {
  const day = today(ctx);
  const row = await findPeriodWithOrg(ctx.db, id);
  if (!row || day < row.period.opensOn) throw new AppError('NOT_FOUND');
  const p = row.period;
  const state = periodState(p, day);
  const published = state === 'closed';
  const comments = published ? await commentsOfPeriods(ctx.db, [p.id]) : [];
  return {
    ...summary(p, row.orgName, row.commentCount, day),
    draftText: p.draftText,
    shortenedReason: p.shortenedReason,
    adoptionExplanation: published ? p.adoptionExplanation : null,
    adoptedCount: published ? comments.filter((c) => c.comment.adopted === true).length : null,
    results: comments.map(({ comment: c }) => ({
      id: c.id,
      submitterKind: c.submitterKind as PublicCommentPeriod['results'][number]['submitterKind'],
      content: c.content,
      submittedOn: shanghaiToday(c.submittedAt),
      adopted: c.adopted,
      response: c.response,
    })),
  };
}

/**
 * A comment from the public: only while the period is open (COMMENT_CLOSED otherwise), after the anti-spam
 * challenge, and at most DAILY_CAP_PER_IP per address and draft per day. Contact details are encrypted at rest
 * (个人信息保护法 第五十一条). The period row is locked so that concurrent submissions count correctly.
 */
export async function submitComment(ctx: Ctx, periodId: string, input: CommentSubmit) {
  const day = today(ctx);
  const found = await findPeriodWithOrg(ctx.db, periodId);
  if (!found || day < found.period.opensOn) throw new AppError('NOT_FOUND');
  if (periodState(found.period, day) !== 'open') {
    throw new AppError(
      'COMMENT_CLOSED',
      `该草案的征求意见期为 ${found.period.opensOn} 至 ${found.period.closesOn}，现已不在征求意见期内，不能提交意见`,
    );
  }
  await verifyChallenge(ctx, input.challengeToken, input.challengeAnswer);
  const ip = await ipHash(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await findPeriodWithOrg(tx, periodId, true);
    if (!row || periodState(row.period, day) !== 'open') throw new AppError('COMMENT_CLOSED');
    if ((await countSubmissionsOn(tx, periodId, ip, day)) >= DAILY_CAP_PER_IP) {
      throw new AppError('COMMENT_DAILY_LIMIT');
    }
    const contact = input.contact?.trim();
    const inserted = await insertComment(tx, {
      periodId,
      docId: row.period.docId,
      submitterName: input.submitterName?.trim() || null,
      submitterKind: input.submitterKind,
      contactEncrypted: contact ? ctx.crypto.encrypt(contact) : null,
      content: input.content,
      ipHash: ip,
      submittedAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'normdoc.comment.submit',
      entityType: 'normdoc_comment',
      entityId: inserted.id,
      // No content, name or contact in the audit trail: only what identifies the record.
      after: {
        periodId,
        docId: row.period.docId,
        submitterKind: input.submitterKind,
        contentLength: input.content.length,
        hasContact: !!contact,
      },
      actorOverride: { id: null, name: '公众（门户网站）', orgId: null },
    });
    return {
      id: inserted.id,
      submittedAt: inserted.submittedAt.toISOString(),
      message: `您的意见已提交，感谢参与。征求意见期截止于 ${row.period.closesOn}，届时将公布意见采纳情况。`,
    };
  });
}
