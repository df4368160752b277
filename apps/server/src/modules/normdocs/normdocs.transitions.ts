import {
  LEGALITY_OPINIONS,
  NORMDOC_TRANSITIONS,
  normdocTransitionRefusal,
  type Normdoc,
  type NormdocStatus,
  type NormdocTransitionInput,
} from '@fazhi/contracts';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor, Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { shanghaiToday } from '../../platform/clock/today';
import { AppError } from '../../platform/errors';
import { completeClockInTx, openClockInTx } from '../clocks';
import { findOrgById } from '../org';
import { auditDocChange } from './normdocs.audit';
import { ACTOR_PERMISSION } from './normdocs.dto';
import { startNewVersion, supersedePreviousVersion } from './normdocs.ending';
import { recordEvent } from './normdocs.events';
import { gateFailures } from './normdocs.gates';
import { formatRegistrationNumber, nextFreeNumber } from './normdocs.numbering';
import { canOnDoc } from './normdocs.policy';
import { coIssuerIds, latestReview, type DocRow } from './normdocs.repository';
import { docView, readableDoc } from './normdocs.service';
import { settingsFor } from './normdocs.settings';
import {
  normdocCommentPeriods,
  normdocComments,
  normdocLegalityReviews,
  normdocProcedures,
  normdocs,
} from './normdocs.tables';
import { openFilingsOnPublish } from './filings/filings.open';

const bad = (message: string) => new AppError('VALIDATION_FAILED', message);

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

type Step = { set: Partial<typeof normdocs.$inferInsert>; to: NormdocStatus; data?: Record<string, unknown> };

/**
 * Runs one lifecycle action: lock, scope, version, gates (their own 409 codes, checked against the records
 * first so a skipped mandatory step is named), the transition table (409 ILLEGAL_TRANSITION), then the step's
 * records, the status change, the timeline entry, the audit entry and the outbox event — one transaction.
 */
export async function transitionDoc(ctx: Ctx, id: string, input: NormdocTransitionInput): Promise<Normdoc> {
  const actor = ctx.actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const t = NORMDOC_TRANSITIONS[input.action];
  const permission = ACTOR_PERMISSION[t.by];
  return ctx.db.transaction(async (tx) => {
    const cur = await readableDoc(tx, actor, id, true);
    const scopeFields = { ...cur, coIssuerOrgIds: await coIssuerIds(tx, id) };
    if (!canOnDoc(actor, permission, scopeFields)) throw new AppError('FORBIDDEN', undefined, { permission });
    if (cur.version !== input.version) throw new AppError('STALE_WRITE');
    const gates = await gateFailures(tx, cur, input.action);
    if (gates[0]) throw new AppError(gates[0].code as 'GATE_REGISTRATION', gates[0].message);
    const refusal = normdocTransitionRefusal(cur.status as NormdocStatus, input.action);
    if (refusal) throw new AppError('ILLEGAL_TRANSITION', refusal);
    const today = shanghaiToday(ctx.now());
    const step = await applyStep(tx, ctx, actor, cur, input, today);
    const [row] = await tx
      .update(normdocs)
      .set({ ...step.set, status: step.to, version: cur.version + 1, updatedAt: ctx.now() })
      .where(eq(normdocs.id, id))
      .returning();
    const next = row as DocRow;
    await recordEvent(tx, ctx, id, {
      action: input.action,
      fromStatus: cur.status,
      toStatus: step.to,
      note: input.note,
      data: step.data ?? {},
    });
    await auditDocChange(tx, ctx, `normdoc.${input.action}`, cur, next, step.data ?? {});
    if (input.action === 'publish') {
      await openFilingsOnPublish(tx, ctx, next);
      if (next.previousVersionId) await supersedePreviousVersion(tx, ctx, next);
    }
    return docView(tx, actor, next);
  });
}

async function applyStep(
  tx: Tx,
  ctx: Ctx,
  actor: Actor,
  doc: DocRow,
  input: NormdocTransitionInput,
  today: string,
): Promise<Step> {
  const procedure = (kind: string, v: Partial<typeof normdocProcedures.$inferInsert>) =>
    tx.insert(normdocProcedures).values({ docId: doc.id, kind, createdBy: actor.userId, ...v });
  switch (input.action) {
    case 'start_assessment':
      await procedure('assessment', { startedOn: today });
      return { set: {}, to: 'assessment' };
    case 'finish_assessment': {
      await closeProcedure(tx, doc.id, 'assessment', today, 'done', input.conclusion, input.participants);
      return {
        set: {},
        to: 'drafting',
        data: { conclusion: input.conclusion, participants: input.participants },
      };
    }
    case 'open_comment': {
      // 国办发〔2018〕37号 (五) (FROM MEMORY): normally ≥ 30 days; shortening needs a stated reason.
      const s = await settingsFor(tx, doc.regionPath);
      if (input.days < s.minCommentDays) throw bad(`征求意见期不得少于 ${s.minCommentDays} 日`);
      if (input.days < s.commentDays && !input.shortenedReason)
        throw bad(`征求意见期少于 ${s.commentDays} 日的，须说明缩短理由`);
      const closesOn = addDays(input.opensOn, input.days - 1);
      const [p] = await tx
        .insert(normdocCommentPeriods)
        .values({
          docId: doc.id,
          opensOn: input.opensOn,
          closesOn,
          days: input.days,
          shortenedReason: input.days < s.commentDays ? (input.shortenedReason ?? null) : null,
          draftTitle: doc.title,
          draftText: input.draftText ?? doc.body,
        })
        .returning();
      return {
        set: {},
        to: 'public_comment',
        data: { periodId: p?.id, opensOn: input.opensOn, closesOn, days: input.days },
      };
    }
    case 'close_comment': {
      const [p] = await tx
        .select()
        .from(normdocCommentPeriods)
        .where(and(eq(normdocCommentPeriods.docId, doc.id), isNull(normdocCommentPeriods.closedAt)))
        .orderBy(desc(normdocCommentPeriods.createdAt))
        .limit(1);
      if (!p) throw new AppError('ILLEGAL_TRANSITION', '没有进行中的征求意见');
      if (today <= p.closesOn)
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `征求意见期至 ${p.closesOn} 届满，届满后方可结束并说明采纳情况`,
        );
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(normdocComments)
        .where(and(eq(normdocComments.periodId, p.id), isNull(normdocComments.adopted)));
      if (open && open.n > 0)
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `还有 ${open.n} 条公众意见未标注采纳情况，请逐条标注“采纳/不采纳”并说明理由后再结束征求意见`,
        );
      await tx
        .update(normdocCommentPeriods)
        .set({ adoptionExplanation: input.adoptionExplanation, closedAt: ctx.now() })
        .where(eq(normdocCommentPeriods.id, p.id));
      return { set: {}, to: 'drafting', data: { periodId: p.id } };
    }
    case 'start_fair_competition':
      await procedure('fair_competition', { startedOn: today });
      return { set: {}, to: 'fair_competition_review' };
    case 'finish_fair_competition':
      await closeProcedure(tx, doc.id, 'fair_competition', today, input.conclusion, input.note, '');
      return { set: {}, to: 'drafting', data: { conclusion: input.conclusion } };
    case 'submit':
      await tx.insert(normdocLegalityReviews).values({ docId: doc.id, submittedOn: today });
      return { set: {}, to: 'submitted' };
    case 'return_for_materials': {
      const r = await latestReview(tx, doc.id);
      if (r) {
        await tx
          .update(normdocLegalityReviews)
          .set({
            returnedOn: today,
            returnReason: input.reason,
            reviewerOrgId: actor.orgId,
            reviewerId: actor.userId,
          })
          .where(eq(normdocLegalityReviews.id, r.id));
      }
      return { set: {}, to: 'returned', data: { reason: input.reason } };
    }
    case 'accept_review': {
      const r = await latestReview(tx, doc.id);
      if (!r) throw new AppError('ILLEGAL_TRANSITION', '没有待受理的送审记录');
      const reviewer = await findOrgById(tx, actor.orgId);
      // 国办发〔2018〕115号 (FROM MEMORY): reserve ≥ 5 working days, normally ≤ 15 working days.
      const clock = await openClockInTx(tx, ctx, {
        orgId: actor.orgId,
        regionPath: reviewer?.regionPath ?? actor.regionPath,
        title: `合法性审核：${doc.title}`,
        subjectType: 'normdoc.legality_review',
        subjectId: r.id,
        startEvent: '受理送审材料',
        startDate: today,
        amount: 15,
        unit: 'working_days',
        legalBasis: '国办发〔2018〕115号 关于全面推行行政规范性文件合法性审核机制的指导意见',
      });
      await tx
        .update(normdocLegalityReviews)
        .set({ acceptedOn: today, reviewerOrgId: actor.orgId, reviewerId: actor.userId, clockId: clock.id })
        .where(eq(normdocLegalityReviews.id, r.id));
      return { set: {}, to: 'legality_review', data: { reviewId: r.id, dueDate: clock.dueDate } };
    }
    case 'record_opinion': {
      const r = await latestReview(tx, doc.id);
      if (!r) throw new AppError('ILLEGAL_TRANSITION', '没有进行中的合法性审核');
      await tx
        .update(normdocLegalityReviews)
        .set({
          opinion: input.opinion,
          suggestionCount: input.suggestionCount,
          opinionText: input.opinionText,
          completedOn: today,
          reviewerOrgId: actor.orgId,
          reviewerId: actor.userId,
        })
        .where(eq(normdocLegalityReviews.id, r.id));
      if (r.clockId) await completeClockInTx(tx, ctx, r.clockId, today);
      const to: NormdocStatus =
        input.opinion === 'lawful' || input.opinion === 'lawful_after_revision'
          ? 'review_passed'
          : input.opinion === 'unlawful'
            ? 'review_failed'
            : 'not_normative';
      return {
        set: {},
        to,
        data: {
          opinion: input.opinion,
          opinionLabel: LEGALITY_OPINIONS[input.opinion],
          suggestionCount: input.suggestionCount,
        },
      };
    }
    case 'revise':
      return { set: {}, to: 'drafting' };
    case 'deliberate': {
      if (input.meetingDate > today) throw bad('会议日期不能晚于今天');
      await procedure('deliberation', {
        startedOn: input.meetingDate,
        endedOn: input.meetingDate,
        title: input.meeting,
        outcome: input.result,
        notes: input.note,
      });
      return {
        set: {},
        to: input.result === 'adopted' ? 'adopted' : 'drafting',
        data: { meeting: input.meeting, meetingDate: input.meetingDate, result: input.result },
      };
    }
    case 'sign': {
      const d = await latestProcedureDate(tx, doc.id);
      if (d && input.signedOn < d) throw bad(`签发日期不能早于集体审议日期 ${d}`);
      return {
        set: { signedBy: input.signedBy, signedOn: input.signedOn },
        to: 'signed',
        data: { signedBy: input.signedBy, signedOn: input.signedOn },
      };
    }
    case 'register': {
      if (doc.signedOn && input.registeredOn < doc.signedOn)
        throw bad(`登记日期不能早于签发日期 ${doc.signedOn}`);
      const s = await settingsFor(tx, doc.regionPath);
      const org = await findOrgById(tx, doc.orgId);
      const year = Number(input.registeredOn.slice(0, 4));
      // One serial per jurisdiction (the region whose settings apply) and year.
      const scopeKey = s.sourceRegionCode ?? (org?.regionCode as string);
      const abbr = org?.docCodePrefix || org?.shortName || org?.name || '';
      // Numbers already taken (imported documents, numbers assigned before this system) are skipped.
      const { n, number } = await nextFreeNumber(tx, `region:${scopeKey}`, year, (k) =>
        formatRegistrationNumber(s.registrationTemplate, { abbr, year, n: k }),
      );
      return {
        set: {
          registrationNumber: number,
          registrationYear: year,
          registrationSeq: n,
          registeredOn: input.registeredOn,
        },
        to: 'registered',
        data: { registrationNumber: number },
      };
    }
    case 'publish': {
      if (doc.registeredOn && input.publishedOn < doc.registeredOn)
        throw bad(`公布日期不能早于登记日期 ${doc.registeredOn}`);
      if (input.effectiveOn < input.publishedOn) throw bad('施行日期不能早于公布日期');
      const s = await settingsFor(tx, doc.regionPath);
      const years = doc.provisionalRules ? s.provisionalValidityYears : s.validityYears;
      const validUntil = input.validUntil ?? addDays(addYears(input.effectiveOn, years), -1);
      if (validUntil < input.effectiveOn) throw bad('有效期届满日不能早于施行日期');
      const maxUntil = addDays(addYears(input.effectiveOn, years), -1);
      if (validUntil > maxUntil)
        throw bad(
          `有效期不得超过 ${years} 年（${doc.provisionalRules ? '暂行、试行' : '一般'}文件），最迟至 ${maxUntil}`,
        );
      const to: NormdocStatus = input.effectiveOn <= today ? 'in_force' : 'published';
      return {
        set: {
          publishedOn: input.publishedOn,
          publishChannels: input.channels,
          effectiveOn: input.effectiveOn,
          validUntil,
        },
        to,
        data: {
          publishedOn: input.publishedOn,
          effectiveOn: input.effectiveOn,
          validUntil,
          channels: input.channels,
        },
      };
    }
    case 'take_effect':
      if (!doc.effectiveOn || doc.effectiveOn > today)
        throw new AppError(
          'ILLEGAL_TRANSITION',
          `文件自 ${doc.effectiveOn ?? '（未定）'} 起施行，尚未到施行日期`,
        );
      return { set: {}, to: 'in_force' };
    case 'amend': {
      const draftId = await startNewVersion(tx, ctx, doc, input.reason);
      return {
        set: {},
        to: doc.status as NormdocStatus,
        data: { newVersionId: draftId, reason: input.reason },
      };
    }
    case 'repeal':
    case 'declare_invalid':
    case 'remove_from_catalog':
      if (doc.publishedOn && input.endedOn < doc.publishedOn)
        throw bad(`失效日期不能早于公布日期 ${doc.publishedOn}`);
      return {
        set: { endedOn: input.endedOn },
        to: NORMDOC_TRANSITIONS[input.action].to[0],
        data: { reason: input.reason, endedOn: input.endedOn },
      };
    case 'expire':
      if (doc.validUntil && input.endedOn <= doc.validUntil)
        throw bad(`有效期至 ${doc.validUntil}，届满后方可标记为有效期届满`);
      return { set: { endedOn: input.endedOn }, to: 'expired', data: { endedOn: input.endedOn } };
    case 'abandon':
      return { set: {}, to: 'abandoned', data: { reason: input.reason } };
  }
}

async function closeProcedure(
  tx: Tx,
  docId: string,
  kind: string,
  today: string,
  outcome: string,
  notes: string,
  participants: string,
): Promise<void> {
  const [open] = await tx
    .select({ id: normdocProcedures.id })
    .from(normdocProcedures)
    .where(
      and(
        eq(normdocProcedures.docId, docId),
        eq(normdocProcedures.kind, kind),
        isNull(normdocProcedures.endedOn),
      ),
    )
    .orderBy(desc(normdocProcedures.createdAt))
    .limit(1);
  if (!open) throw new AppError('ILLEGAL_TRANSITION', '没有进行中的该项程序');
  await tx
    .update(normdocProcedures)
    .set({ endedOn: today, outcome, notes, participants })
    .where(eq(normdocProcedures.id, open.id));
}

async function latestProcedureDate(tx: Tx, docId: string): Promise<string | null> {
  const [d] = await tx
    .select({ on: normdocProcedures.endedOn })
    .from(normdocProcedures)
    .where(and(eq(normdocProcedures.docId, docId), eq(normdocProcedures.kind, 'deliberation')))
    .orderBy(desc(normdocProcedures.createdAt))
    .limit(1);
  return d?.on ?? null;
}
