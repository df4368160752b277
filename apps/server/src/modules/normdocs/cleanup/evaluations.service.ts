import {
  EVALUATION_RECOMMENDATIONS,
  NORMDOC_ISSUED,
  type Evaluation,
  type EvaluationCreate,
  type NormdocStatus,
} from '@fazhi/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { can, requirePermission, scopeFor } from '../../../platform/access/policy';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Actor, Ctx } from '../../../platform/context';
import type { DbOrTx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { recordEvent } from '../normdocs.events';
import { docScopeWhere } from '../normdocs.policy';
import { normdocEvaluations, normdocs } from '../normdocs.tables';

/*
 * 后评估 (DOMAIN.md §1.2 PostEvaluation): the issuing organ (or a third party it commissions) evaluates an
 * issued document, with participants such as 人大代表、政协委员、律师代表 (R1). Recorded by the drafting side
 * ('normdoc.draft'), read by everyone who may read the document.
 */

type Permission = 'normdoc.read' | 'normdoc.draft';

async function loadDoc(db: DbOrTx, actor: Actor, docId: string, permission: Permission) {
  requirePermission(actor, permission);
  const [doc] = await db
    .select({ id: normdocs.id, status: normdocs.status, title: normdocs.title })
    .from(normdocs)
    .where(and(eq(normdocs.id, docId), docScopeWhere(scopeFor(actor, permission))));
  if (!doc) throw new AppError('NOT_FOUND');
  return doc;
}

const toDto = (r: typeof normdocEvaluations.$inferSelect): Evaluation => ({
  id: r.id,
  docId: r.docId,
  evaluator: r.evaluator,
  participants: r.participants,
  method: r.method,
  findings: r.findings,
  recommendation: r.recommendation as Evaluation['recommendation'],
  reportOn: r.reportOn,
  createdAt: r.createdAt.toISOString(),
});

export async function evaluationsOf(db: DbOrTx, docId: string): Promise<Evaluation[]> {
  const rows = await db
    .select()
    .from(normdocEvaluations)
    .where(eq(normdocEvaluations.docId, docId))
    .orderBy(desc(normdocEvaluations.reportOn), desc(normdocEvaluations.createdAt));
  return rows.map(toDto);
}

export async function listEvaluations(ctx: Ctx, docId: string) {
  requirePermission(ctx.actor, 'normdoc.read');
  const doc = await loadDoc(ctx.db, ctx.actor, docId, 'normdoc.read');
  let canCreate = false;
  if (can(ctx.actor, 'normdoc.draft') && NORMDOC_ISSUED.includes(doc.status as NormdocStatus)) {
    canCreate = await loadDoc(ctx.db, ctx.actor, docId, 'normdoc.draft').then(
      () => true,
      () => false,
    );
  }
  return { items: await evaluationsOf(ctx.db, docId), canCreate };
}

/** Only for documents that were issued (published and after). */
export async function createEvaluation(
  ctx: Ctx,
  docId: string,
  input: EvaluationCreate,
): Promise<Evaluation> {
  requirePermission(ctx.actor, 'normdoc.draft');
  const actor = ctx.actor;
  return ctx.db.transaction(async (tx) => {
    const doc = await loadDoc(tx, actor, docId, 'normdoc.draft');
    if (!NORMDOC_ISSUED.includes(doc.status as NormdocStatus)) throw new AppError('EVALUATION_NOT_ISSUED');
    const [row] = await tx
      .insert(normdocEvaluations)
      .values({ docId, ...input, createdBy: actor.userId })
      .returning();
    const ev = row as typeof normdocEvaluations.$inferSelect;
    await recordEvent(tx, ctx, docId, {
      action: 'post_evaluation',
      note: `后评估（${input.evaluator}）：建议${EVALUATION_RECOMMENDATIONS[input.recommendation]}`,
      data: { evaluationId: ev.id, reportOn: input.reportOn, participants: input.participants },
    });
    await appendAudit(tx, ctx, {
      action: 'normdoc.evaluation.create',
      entityType: 'normdoc_evaluation',
      entityId: ev.id,
      before: null,
      after: { ...ev },
    });
    await enqueueEvent(tx, 'normdoc.evaluation.created', { docId, evaluationId: ev.id });
    return toDto(ev);
  });
}

export { loadDoc as loadEvaluatedDoc };
