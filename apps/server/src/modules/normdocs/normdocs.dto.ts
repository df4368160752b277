import {
  actionsFrom,
  NORMDOC_TRANSITIONS,
  type Normdoc,
  type NormdocAction,
  type NormdocActor,
  type NormdocStatus,
  type NormdocSummary,
  type Permission,
} from '@fazhi/contracts';
import type { Actor } from '../../platform/context';
import type { Blocker } from './normdocs.gates';
import { canOnDoc, type DocScopeFields } from './normdocs.policy';
import type { DocDetails, DocRow, ListRow } from './normdocs.repository';

export const ACTOR_PERMISSION: Record<NormdocActor, Permission> = {
  drafter: 'normdoc.draft',
  reviewer: 'normdoc.review',
  head: 'normdoc.sign',
};

export const EDITABLE: readonly NormdocStatus[] = ['drafting', 'assessment', 'returned', 'review_failed'];
const ISSUED: readonly NormdocStatus[] = ['published', 'in_force'];

/** The lifecycle actions `actor` may take on the document now: the table ∩ the actor's permission ∩ scope. */
export function allowedActions(actor: Actor, doc: DocScopeFields & { status: string }): NormdocAction[] {
  return actionsFrom(doc.status as NormdocStatus).filter((a) =>
    canOnDoc(actor, ACTOR_PERMISSION[NORMDOC_TRANSITIONS[a].by], doc),
  );
}

export function abilities(actor: Actor, doc: DocScopeFields & { status: string }): string[] {
  const out: string[] = [];
  const status = doc.status as NormdocStatus;
  const drafter = canOnDoc(actor, 'normdoc.draft', doc);
  if (drafter && EDITABLE.includes(status)) out.push('edit', 'attach');
  if (!out.includes('attach') && canOnDoc(actor, 'normdoc.review', doc) && status === 'legality_review')
    out.push('attach');
  if (drafter && ISSUED.includes(status)) out.push('interpret', 'attach');
  return out;
}

const iso = (d: Date) => d.toISOString();

export function toSummary(r: ListRow): NormdocSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind as NormdocSummary['kind'],
    status: r.status as NormdocStatus,
    org: { id: r.orgId, name: r.orgName },
    regionCode: r.regionCode,
    docNumber: r.docNumber,
    registrationNumber: r.registrationNumber,
    publishedOn: r.publishedOn,
    effectiveOn: r.effectiveOn,
    validUntil: r.validUntil,
    versionNo: r.versionNo,
    updatedAt: iso(r.updatedAt),
  };
}

export function toDoc(
  actor: Actor,
  doc: DocRow,
  d: DocDetails,
  blockers: Blocker[],
): Omit<Normdoc, 'deadlines'> {
  const ref = (id: string) => ({ id, name: d.orgs.get(id)?.name ?? '' });
  const scopeFields = { ...doc, coIssuerOrgIds: d.coIds };
  return {
    ...toSummary({
      ...doc,
      orgName: d.orgs.get(doc.orgId)?.name ?? '',
      regionCode: d.orgs.get(doc.orgId)?.regionCode ?? '',
    }),
    draftingOrg: ref(doc.draftingOrgId),
    coIssuers: d.coIds.map(ref),
    involvesPublicInterest: doc.involvesPublicInterest,
    involvesMarketEntities: doc.involvesMarketEntities,
    involvesMajorDecision: doc.involvesMajorDecision,
    provisionalRules: doc.provisionalRules,
    interpretationRequired: doc.interpretationRequired,
    legalBasis: doc.legalBasis,
    summary: doc.summary,
    body: doc.body,
    signedBy: doc.signedBy,
    signedOn: doc.signedOn,
    registeredOn: doc.registeredOn,
    publishChannels: doc.publishChannels,
    endedOn: doc.endedOn,
    interpretation: doc.interpretationTitle
      ? {
          title: doc.interpretationTitle,
          url: doc.interpretationUrl,
          publishedOn: doc.interpretationPublishedOn,
          body: doc.interpretationBody ?? '',
        }
      : null,
    previousVersionId: doc.previousVersionId,
    nextVersionId: d.nextVersionId,
    imported: doc.imported,
    version: doc.version,
    events: d.events.map((e) => ({
      id: e.id,
      action: e.action,
      fromStatus: e.fromStatus as NormdocStatus | null,
      toStatus: e.toStatus as NormdocStatus | null,
      actorName: e.actorName,
      actorOrgName: e.actorOrgName,
      note: e.note,
      data: e.data,
      at: iso(e.at),
    })),
    attachments: d.attachments.map((a) => ({
      id: a.id,
      kind: a.kind as Normdoc['attachments'][number]['kind'],
      fileName: a.fileName,
      mimeType: a.mimeType,
      size: a.size,
      sha256: a.sha256,
      createdAt: iso(a.createdAt),
    })),
    legalityReviews: d.reviews.map(({ r, reviewerName }) => ({
      id: r.id,
      submittedOn: r.submittedOn,
      returnedOn: r.returnedOn,
      returnReason: r.returnReason,
      acceptedOn: r.acceptedOn,
      reviewerName,
      opinion: r.opinion as Normdoc['legalityReviews'][number]['opinion'],
      suggestionCount: r.suggestionCount,
      opinionText: r.opinionText,
      completedOn: r.completedOn,
    })),
    blockers,
    actions: allowedActions(actor, scopeFields),
    abilities: abilities(actor, scopeFields),
  };
}
