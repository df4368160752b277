import type { CommentHandle, DocComments, StaffComment, StaffCommentPeriod } from '@fazhi/contracts';
import { appendAudit } from '../../../platform/audit/audit.service';
import { shanghaiToday } from '../../../platform/clock/today';
import type { Actor, Ctx } from '../../../platform/context';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { assertDocInScope, canOnDoc } from '../normdocs.policy';
import { maskContact, periodState } from './comments.present';
import {
  commentsOfPeriods,
  findCommentForUpdate,
  findDocScope,
  periodsOfDoc,
  updateHandling,
  type CommentRow,
  type DocScopeRow,
  type PeriodRow,
} from './comments.repository';

// The drafters' side of 征求意见: read the comments of a document, record 采纳/不采纳 with the reason.

function toStaffComment(
  ctx: Ctx,
  c: CommentRow,
  handledByName: string | null,
  canHandle: boolean,
): StaffComment {
  return {
    id: c.id,
    periodId: c.periodId,
    submitterName: c.submitterName,
    submitterKind: c.submitterKind as StaffComment['submitterKind'],
    contactMasked: c.contactEncrypted ? maskContact(ctx.crypto.decrypt(c.contactEncrypted)) : null,
    content: c.content,
    submittedAt: c.submittedAt.toISOString(),
    adopted: c.adopted,
    response: c.response,
    handledByName,
    handledAt: c.handledAt?.toISOString() ?? null,
    actions: canHandle ? ['handle'] : [],
  };
}

/** 'handle' while the 采纳情况说明 is unpublished, for a drafter whose scope holds the document. */
const mayHandle = (actor: Actor, doc: DocScopeRow, p: Pick<PeriodRow, 'closedAt'>) =>
  !p.closedAt && canOnDoc(actor, 'normdoc.draft', doc);

async function loadScopedDoc(ctx: Ctx, docId: string) {
  const doc = await findDocScope(ctx.db, docId);
  if (!doc) throw new AppError('NOT_FOUND');
  assertDocInScope(ctx.actor as Actor, 'normdoc.read', doc);
  return doc;
}

/** Every comment period of the document with its comments (contact details masked). */
export async function getDocComments(ctx: Ctx, docId: string): Promise<DocComments> {
  const doc = await loadScopedDoc(ctx, docId);
  const actor = ctx.actor as Actor;
  const day = shanghaiToday(ctx.now());
  const periods = await periodsOfDoc(ctx.db, docId);
  const comments = await commentsOfPeriods(
    ctx.db,
    periods.map((p) => p.id),
  );
  return {
    docId,
    periods: periods.map((p): StaffCommentPeriod => {
      const own = comments.filter((c) => c.comment.periodId === p.id);
      const canHandle = mayHandle(actor, doc, p);
      return {
        id: p.id,
        docId: p.docId,
        draftTitle: p.draftTitle,
        opensOn: p.opensOn,
        closesOn: p.closesOn,
        days: p.days,
        shortenedReason: p.shortenedReason,
        state: periodState(p, day),
        adoptionExplanation: p.adoptionExplanation,
        closedAt: p.closedAt?.toISOString() ?? null,
        commentCount: own.length,
        adoptedCount: own.filter((c) => c.comment.adopted === true).length,
        unhandledCount: own.filter((c) => c.comment.adopted === null).length,
        comments: own.map((c) => toStaffComment(ctx, c.comment, c.handledByName, canHandle)),
      };
    }),
  };
}

/** Rows for the Excel export of the document's comments (scope checked as for reading). */
export async function docCommentsForExport(ctx: Ctx, docId: string) {
  const result = await getDocComments(ctx, docId);
  return result.periods.flatMap((p) => p.comments.map((c) => ({ period: p, comment: c })));
}

/**
 * 采纳 / 不采纳 with the reason (the basis of the 采纳情况说明). Refused once the explanation is published
 * (close_comment); optimistic on `handledAt`; audited in the same transaction.
 */
export async function handleComment(
  ctx: Ctx,
  commentId: string,
  input: CommentHandle,
): Promise<StaffComment> {
  const actor = ctx.actor as Actor;
  const seen = input.handledAt === null ? null : new Date(input.handledAt);
  if (seen && Number.isNaN(seen.getTime())) {
    throw new AppError('VALIDATION_FAILED', '处理时间格式不正确，请刷新后重试');
  }
  return ctx.db.transaction(async (tx) => {
    const row = await findCommentForUpdate(tx, commentId);
    if (!row) throw new AppError('NOT_FOUND');
    const doc = await findDocScope(tx, row.comment.docId);
    if (!doc) throw new AppError('NOT_FOUND');
    assertDocInScope(actor, 'normdoc.draft', doc);
    if (row.period.closedAt) throw new AppError('COMMENT_RESULTS_PUBLISHED');
    if ((row.comment.handledAt?.getTime() ?? null) !== (seen?.getTime() ?? null)) {
      throw new AppError('STALE_WRITE', '该意见已被他人处理，请刷新后查看最新处理结果');
    }
    const after = await updateHandling(tx, commentId, row.comment.handledAt, {
      adopted: input.adopted,
      response: input.response,
      handledBy: actor.userId,
      handledAt: ctx.now(),
    });
    if (!after) throw new AppError('STALE_WRITE');
    await appendAudit(tx, ctx, {
      action: 'normdoc.comment.handle',
      entityType: 'normdoc_comment',
      entityId: commentId,
      before: { adopted: row.comment.adopted, response: row.comment.response },
      after: { adopted: after.adopted, response: after.response },
      detail: { docId: row.comment.docId, periodId: row.comment.periodId },
    });
    await enqueueEvent(tx, 'normdoc.comment.handled', {
      commentId,
      docId: row.comment.docId,
      periodId: row.comment.periodId,
      adopted: input.adopted,
    });
    return toStaffComment(ctx, after, actor.displayName, true);
  });
}
