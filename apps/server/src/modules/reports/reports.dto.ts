import {
  REPORT_EDITABLE,
  REPORT_TRANSITIONS,
  reportActionsFrom,
  reportDeadlines,
  type Permission,
  type Report,
  type ReportAction,
  type ReportActor,
  type ReportKind,
  type ReportStatus,
  type ReportSummary,
} from '@fazhi/contracts';
import type { Actor } from '../../platform/context';
import { canOnReport, type ReportScopeFields } from './reports.policy';
import type { ListRow, ReportDetails, ReportRow } from './reports.repository';

export const ACTOR_PERMISSION: Record<ReportActor, Permission> = {
  editor: 'report.edit',
  approver: 'report.approve',
  publisher: 'report.publish',
};

export function allowedActions(actor: Actor, r: ReportScopeFields & { status: string }): ReportAction[] {
  return reportActionsFrom(r.status as ReportStatus).filter((a) =>
    canOnReport(actor, ACTOR_PERMISSION[REPORT_TRANSITIONS[a].by], r),
  );
}

export function abilities(actor: Actor, r: ReportScopeFields & { status: string }): string[] {
  const out: string[] = [];
  const editor = canOnReport(actor, 'report.edit', r);
  if (editor && REPORT_EDITABLE.includes(r.status as ReportStatus)) out.push('edit', 'assist', 'version');
  if (canOnReport(actor, 'report.read', r) && r.status !== 'archived') out.push('comment');
  if (editor && ['sent', 'published'].includes(r.status)) out.push('send');
  return out;
}

const iso = (d: Date) => d.toISOString();

export function toSummary(r: ListRow): ReportSummary {
  return {
    id: r.id,
    title: r.title,
    year: r.year,
    kind: r.kind as ReportKind,
    status: r.status as ReportStatus,
    org: { id: r.orgId, name: r.orgName },
    coOrg: r.coOrgId ? { id: r.coOrgId, name: r.coOrgName ?? '' } : null,
    regionCode: r.regionCode,
    deadlines: reportDeadlines(r.year),
    sentOn: r.sentOn,
    publishedOn: r.publishedOn,
    updatedAt: iso(r.updatedAt),
  };
}

export function toReport(actor: Actor, r: ReportRow, d: ReportDetails): Report {
  const org = d.orgs.get(r.orgId);
  const sentOn = d.sendings.map((s) => s.sentOn).sort()[0] ?? null;
  return {
    ...toSummary({
      ...r,
      orgName: org?.name ?? '',
      coOrgName: r.coOrgId ? (d.orgs.get(r.coOrgId)?.name ?? '') : null,
      regionCode: org?.regionCode ?? '',
      sentOn,
    }),
    docNumber: r.docNumber,
    signer: r.signer,
    issuedOn: r.issuedOn,
    secrecyReview: r.secrecyReviewedOn
      ? {
          reviewer: r.secrecyReviewedBy ?? '',
          reviewedOn: r.secrecyReviewedOn,
          conclusion: r.secrecyConclusion ?? '',
        }
      : null,
    publishedUrl: r.publishedUrl,
    archivedAt: r.archivedAt ? iso(r.archivedAt) : null,
    version: r.version,
    sections: d.sections.map((s) => ({
      id: s.id,
      code: s.code,
      title: s.title,
      level: s.level,
      sort: s.sort,
      body: s.body,
      version: s.version,
      updatedAt: iso(s.updatedAt),
      openComments: d.openComments.get(s.code) ?? 0,
    })),
    signoffs: d.signoffs.map((s) => ({ id: s.id, name: s.name, position: s.position, signedOn: s.signedOn })),
    sendings: d.sendings.map((s) => ({
      id: s.id,
      recipient: s.recipient,
      copyTo: s.copyTo,
      sentOn: s.sentOn,
      channel: s.channel,
    })),
    actions: allowedActions(actor, r),
    abilities: abilities(actor, r),
  };
}

/** The audited view of a report (no section texts). */
export function auditableReport(r: ReportRow): Record<string, unknown> {
  const { createdAt, updatedAt, ...rest } = r;
  void createdAt;
  void updatedAt;
  return rest;
}
