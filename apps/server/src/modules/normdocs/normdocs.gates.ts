import { NORMDOC_GATES, type NormdocAction } from '@fazhi/contracts';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/pool';
import { normdocCommentPeriods } from './normdocs.tables';
import { latestProcedure, latestReview, type DocRow } from './normdocs.repository';

export type Blocker = { action: NormdocAction; code: string; message: string };
type GateKey = keyof typeof NORMDOC_GATES;

const block = (action: NormdocAction, gate: GateKey): Blocker => ({
  action,
  code: NORMDOC_GATES[gate].code,
  message: NORMDOC_GATES[gate].zh,
});

/**
 * The blocking gates of DOMAIN.md §1.3, checked against the records (not only the status), so that no
 * path through the table — a revision, a re-submission, a data fix — can skip a mandatory step.
 * Returns the gates that `action` would fail now (empty: not blocked).
 */
export async function gateFailures(db: DbOrTx, doc: DocRow, action: NormdocAction): Promise<Blocker[]> {
  const out: Blocker[] = [];
  if (action === 'submit') {
    // 国办发〔2018〕37号 (五): documents concerning the public's vital interests go out for comment first.
    if (doc.involvesPublicInterest) {
      const [closed] = await db
        .select({ id: normdocCommentPeriods.id })
        .from(normdocCommentPeriods)
        .where(and(eq(normdocCommentPeriods.docId, doc.id), isNotNull(normdocCommentPeriods.closedAt)))
        .limit(1);
      if (!closed) out.push(block(action, 'comment_when_public_interest'));
    }
    // 公平竞争审查条例 (国务院令第783号): measures affecting market entities are reviewed before adoption.
    if (doc.involvesMarketEntities) {
      const fc = await latestProcedure(db, doc.id, 'fair_competition');
      if (!fc?.endedOn || !fc.outcome) out.push(block(action, 'fair_competition_when_market'));
    }
  }
  if (action === 'deliberate') {
    // 国办发〔2018〕37号 (六); 河南省行政合法性审查工作规定 (省政府令第219号) 第三条、第四条.
    const r = await latestReview(db, doc.id);
    if (!r?.completedOn || (r.opinion !== 'lawful' && r.opinion !== 'lawful_after_revision'))
      out.push(block(action, 'legality_before_deliberation'));
  }
  if (action === 'register') {
    const d = await latestProcedure(db, doc.id, 'deliberation');
    if (d?.outcome !== 'adopted' || !doc.signedOn)
      out.push(block(action, 'deliberation_before_registration'));
  }
  if (action === 'publish' && !doc.registrationNumber)
    out.push(block(action, 'registration_before_publication'));
  return out;
}

/** Blockers of the gated actions the document could take next, for the document page. */
export async function currentBlockers(
  db: DbOrTx,
  doc: DocRow,
  candidates: NormdocAction[],
): Promise<Blocker[]> {
  const gated = candidates.filter((a) => ['submit', 'deliberate', 'register', 'publish'].includes(a));
  const out: Blocker[] = [];
  for (const a of gated) out.push(...(await gateFailures(db, doc, a)));
  return out;
}
