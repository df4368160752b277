import type { Normdoc } from '@fazhi/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import { shanghaiToday } from '../../platform/clock/today';
import type { DbOrTx } from '../../platform/db/pool';
import { openClocksForSubjects } from '../clocks';
import { settingsFor } from './normdocs.settings';
import type { DocRow } from './normdocs.repository';
import { normdocCommentPeriods, normdocFilings, normdocLegalityReviews } from './normdocs.tables';

type Deadline = Normdoc['deadlines'][number];

const daysBetween = (a: string, b: string) =>
  Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/**
 * The document's running deadlines: the statutory clocks opened for its review and filings (their status is
 * the 期限台账's, kept current by the daily scan), the open comment period and the validity end.
 */
export async function docDeadlines(db: DbOrTx, doc: DocRow, now: Date): Promise<Deadline[]> {
  const today = shanghaiToday(now);
  const reviews = await db
    .select({ id: normdocLegalityReviews.id })
    .from(normdocLegalityReviews)
    .where(eq(normdocLegalityReviews.docId, doc.id));
  const filings = await db
    .select({ id: normdocFilings.id })
    .from(normdocFilings)
    .where(eq(normdocFilings.docId, doc.id));
  const clocks = await openClocksForSubjects(db, [...reviews.map((r) => r.id), ...filings.map((f) => f.id)]);
  const out: Deadline[] = clocks.map((c) => ({
    kind:
      c.subjectType === 'normdoc.legality_review'
        ? 'legality_review'
        : c.subjectType === 'normdoc.filing'
          ? 'filing'
          : c.subjectType.includes('correction')
            ? 'correction'
            : 'other',
    label: c.title,
    dueDate: c.dueDate,
    status: c.status === 'overdue' ? 'overdue' : c.status === 'due_soon' ? 'due_soon' : 'normal',
    provisional: c.provisional,
  }));
  const [period] = await db
    .select({ closesOn: normdocCommentPeriods.closesOn })
    .from(normdocCommentPeriods)
    .where(and(eq(normdocCommentPeriods.docId, doc.id), isNull(normdocCommentPeriods.closedAt)));
  if (period) {
    const left = daysBetween(today, period.closesOn);
    out.push({
      kind: 'comment',
      label: left >= 0 ? '征求意见截止' : '征求意见期已届满，待说明采纳情况',
      dueDate: period.closesOn,
      status: left < 0 ? 'overdue' : left <= 3 ? 'due_soon' : 'normal',
      provisional: false,
    });
  }
  if (doc.validUntil && ['published', 'in_force'].includes(doc.status)) {
    const s = await settingsFor(db, doc.regionPath);
    const left = daysBetween(today, doc.validUntil);
    if (left <= s.expiryWarningDays)
      out.push({
        kind: 'validity',
        label: '有效期届满',
        dueDate: doc.validUntil,
        status: left < 0 ? 'overdue' : 'due_soon',
        provisional: false,
      });
  }
  return out;
}
