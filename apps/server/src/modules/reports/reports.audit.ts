import type { Ctx } from '../../platform/context';
import type { Tx } from '../../platform/db/pool';
import { appendAudit } from '../../platform/audit/audit.service';
import { enqueueEvent } from '../../platform/jobs';
import { auditableReport } from './reports.dto';
import type { ReportRow } from './reports.repository';

/** Audit entry and outbox event of a report change, in the change's transaction. */
export async function auditReportChange(
  tx: Tx,
  ctx: Ctx,
  action: string,
  before: ReportRow | null,
  after: ReportRow,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(tx, ctx, {
    action,
    entityType: 'annual_report',
    entityId: after.id,
    before: before ? auditableReport(before) : null,
    after: auditableReport(after),
    detail,
  });
  await enqueueEvent(tx, 'report.changed', {
    reportId: after.id,
    action,
    orgId: after.orgId,
    status: after.status,
    fromStatus: before?.status ?? null,
  });
}
