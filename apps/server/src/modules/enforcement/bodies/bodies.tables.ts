import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type BodyPowerRow = { code: string; name: string; category: string; legalBasis: string };

/**
 * 执法主体 (DOMAIN.md §4.1 LawEnforcementBody): one row per organisation. Status confirmed by the same-level
 * people's government and announced (河南省行政执法条例 第十三条); entrusted organisations with the entrusting
 * organ, document and matters (第十四条).
 */
export const enforcementBodies = pgTable(
  'enforcement_bodies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    /** administrative_organ | authorised_organisation | entrusted_organisation */
    kind: text('kind').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    legalBasis: jsonb('legal_basis').$type<string[]>().notNull().default([]),
    powers: jsonb('powers').$type<BodyPowerRow[]>().notNull().default([]),
    entrustingOrgId: uuid('entrusting_org_id').references(() => organisations.id),
    entrustmentDoc: text('entrustment_doc'),
    entrustedMatters: jsonb('entrusted_matters').$type<string[]>().notNull().default([]),
    /** draft | confirmed | announced | adjusted | cancelled */
    status: text('status').notNull(),
    confirmedBy: text('confirmed_by'),
    confirmationDoc: text('confirmation_doc'),
    confirmedOn: date('confirmed_on'),
    announcedOn: date('announced_on'),
    announcementDoc: text('announcement_doc'),
    announcementUrl: text('announcement_url'),
    cancelledOn: date('cancelled_on'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_bodies_org_uq').on(t.orgId),
    index('enforcement_bodies_status_idx').on(t.status),
    index('enforcement_bodies_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  ],
);

/** The body's history: every registration, adjustment (机构改革), confirmation, announcement and cancellation. */
export const enforcementBodyHistory = pgTable(
  'enforcement_body_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => enforcementBodies.id),
    /** register | adjust | confirm | announce | cancel */
    action: text('action').notNull(),
    on: date('on').notNull(),
    status: text('status').notNull(),
    authority: text('authority'),
    document: text('document'),
    url: text('url'),
    reason: text('reason'),
    /** The body's kind, fields, powers … as they stood after the action. */
    snapshot: jsonb('snapshot').notNull(),
    actorId: uuid('actor_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_body_history_body_idx').on(t.bodyId, t.createdAt)],
);
