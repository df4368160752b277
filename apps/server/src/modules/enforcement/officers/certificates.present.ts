import {
  certificateActionsFrom,
  type AnnualReviewResult,
  type Certificate,
  type CertificateKind,
  type CertificateStatus,
} from '@fazhi/contracts';
import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/pool';
import type { CertificateRow } from './officers.rows';
import { enforcementCertificateEvents } from './officers.tables';

type EventRow = typeof enforcementCertificateEvents.$inferSelect;

/** Valid on `day` by the row alone (status + period); the dated answer for past days is officers.validity.ts. */
export function validOnDayByStatus(c: CertificateRow, day: string): boolean {
  return (
    c.status === 'active' &&
    !!c.issuedOn &&
    c.issuedOn <= day &&
    !!c.validFrom &&
    c.validFrom <= day &&
    !!c.validTo &&
    c.validTo >= day &&
    (c.endedOn === null || c.endedOn > day)
  );
}

export async function eventsOf(db: DbOrTx, certIds: string[]): Promise<Map<string, EventRow[]>> {
  const out = new Map<string, EventRow[]>();
  if (certIds.length === 0) return out;
  const rows = await db
    .select()
    .from(enforcementCertificateEvents)
    .where(inArray(enforcementCertificateEvents.certificateId, certIds))
    .orderBy(asc(enforcementCertificateEvents.on), asc(enforcementCertificateEvents.createdAt));
  for (const r of rows) out.set(r.certificateId, [...(out.get(r.certificateId) ?? []), r]);
  return out;
}

export function toCertificateDto(
  c: CertificateRow,
  officerName: string,
  orgName: string,
  events: EventRow[],
  today: string,
  mayAct: boolean,
): Certificate {
  return {
    id: c.id,
    kind: c.kind as CertificateKind,
    number: c.number,
    status: c.status as CertificateStatus,
    validFrom: c.validFrom,
    validTo: c.validTo,
    officerId: c.officerId,
    officerName,
    org: { id: c.orgId, name: orgName },
    fields: c.fields,
    area: c.area,
    issuingAuthority: c.issuingAuthority,
    appliedOn: c.appliedOn,
    issuedOn: c.issuedOn,
    endedOn: c.endedOn,
    lastReviewedOn: c.lastReviewedOn,
    validToday: validOnDayByStatus(c, today),
    events: events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: (e.fromStatus as CertificateStatus | null) ?? null,
      toStatus: e.toStatus as CertificateStatus,
      on: e.on,
      result: (e.result as AnnualReviewResult | null) ?? null,
      reason: e.reason,
    })),
    version: c.version,
    actions: mayAct ? certificateActionsFrom(c.status as CertificateStatus, 'supervisor') : [],
  };
}
