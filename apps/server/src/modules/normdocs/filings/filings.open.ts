import { randomUUID } from 'node:crypto';
import { FILING_RECIPIENTS, NORMDOC_ISSUED, type NormdocStatus } from '@fazhi/contracts';
import { and, eq } from 'drizzle-orm';
import { appendAudit } from '../../../platform/audit/audit.service';
import type { Ctx } from '../../../platform/context';
import type { Tx } from '../../../platform/db/pool';
import { AppError } from '../../../platform/errors';
import { enqueueEvent } from '../../../platform/jobs';
import { openClockInTx } from '../../clocks';
import { recordEvent } from '../normdocs.events';
import { settingsFor, type ResolvedSettings } from '../normdocs.settings';
import { normdocFilings, type normdocs } from '../normdocs.tables';
import { recipientsFor, type Recipient } from './filings.recipients';

type DocRow = typeof normdocs.$inferSelect;

/** Henan 人大常委会: 发布后三十日内 — VERIFIED (DOMAIN.md §1.5). */
const CONGRESS_BASIS = '河南省实施《中华人民共和国各级人民代表大会常务委员会监督法》办法 第五十一条';
/** Superior government / same-level government / superior department: not verified for Henan — a setting. */
const LOCAL_BASIS = '本级规范性文件备案规定（期限为本地设置）';

function daysFor(s: ResolvedSettings, kind: Recipient['kind']): number {
  switch (kind) {
    case 'superior_government':
      return s.filingDaysSuperiorGovernment;
    case 'same_level_congress':
      return s.filingDaysCongress;
    case 'same_level_government':
      return s.filingDaysSameLevelGovernment;
    case 'superior_department':
      return s.filingDaysSuperiorDepartment;
  }
}

/** A document may be filed once it is published (有件必备 applies to every issued document). */
export function assertFileable(doc: { status: string; publishedOn: string | null }): asserts doc is {
  status: string;
  publishedOn: string;
} {
  if (!doc.publishedOn || !NORMDOC_ISSUED.includes(doc.status as NormdocStatus)) {
    throw new AppError('FILING_NOT_ALLOWED');
  }
}

/**
 * Opens one filing (备案) of a published document for one recipient, with its statutory clock in the
 * 期限台账 (start: publication, calendar days per the jurisdiction's settings), the timeline line and the
 * audit entry. Returns null when the document already has a filing for that recipient.
 */
export async function openFilingInTx(
  tx: Tx,
  ctx: Ctx,
  doc: DocRow,
  recipient: Recipient,
): Promise<typeof normdocFilings.$inferSelect | null> {
  assertFileable(doc);
  const [existing] = await tx
    .select({ id: normdocFilings.id })
    .from(normdocFilings)
    .where(and(eq(normdocFilings.docId, doc.id), eq(normdocFilings.recipientKind, recipient.kind)));
  if (existing) return null;
  const settings = await settingsFor(tx, doc.regionPath);
  const id = randomUUID();
  const label = FILING_RECIPIENTS[recipient.kind];
  const clock = await openClockInTx(tx, ctx, {
    orgId: doc.orgId,
    regionPath: doc.regionPath,
    title: `《${doc.title}》报${label}备案`,
    subjectType: 'normdoc.filing',
    subjectId: id,
    startEvent: '文件公布',
    startDate: doc.publishedOn,
    amount: daysFor(settings, recipient.kind),
    unit: 'calendar_days',
    legalBasis: recipient.kind === 'same_level_congress' ? CONGRESS_BASIS : LOCAL_BASIS,
  });
  const [row] = await tx
    .insert(normdocFilings)
    .values({
      id,
      docId: doc.id,
      orgId: doc.orgId,
      regionPath: doc.regionPath,
      recipientKind: recipient.kind,
      recipientOrgId: recipient.orgId,
      recipientRegionPath: recipient.regionPath,
      dueDate: clock.dueDate,
      provisional: clock.provisional,
      clockId: clock.id,
      status: 'due',
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    })
    .returning();
  if (!row) throw new Error('filing insert returned nothing');
  await appendAudit(tx, ctx, {
    action: 'normdoc.filing.open',
    entityType: 'normdoc_filing',
    entityId: id,
    before: null,
    after: {
      docId: doc.id,
      recipientKind: recipient.kind,
      recipientOrgId: recipient.orgId,
      dueDate: clock.dueDate,
      status: 'due',
    },
  });
  await recordEvent(tx, ctx, doc.id, {
    action: 'filing_opened',
    note: `应报${label}备案，期限至 ${clock.dueDate}`,
    data: { filingId: id, recipientKind: recipient.kind, dueDate: clock.dueDate },
  });
  await enqueueEvent(tx, 'normdoc.filing.changed', {
    filingId: id,
    docId: doc.id,
    action: 'open',
    status: 'due',
  });
  return row;
}

/**
 * Called by the document's publish transition inside its transaction (doc status 'published', publishedOn
 * set): one filing per recipient (DOMAIN.md §1.2 Filing, "有件必备"). Idempotent per recipient.
 */
export async function openFilingsOnPublish(tx: Tx, ctx: Ctx, doc: DocRow): Promise<void> {
  assertFileable(doc);
  for (const recipient of await recipientsFor(tx, doc)) {
    await openFilingInTx(tx, ctx, doc, recipient);
  }
}
