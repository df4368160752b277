import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 赋权调整批次: one decision document adding and withdrawing powers (行政处罚法 第二十四条; DOMAIN.md §4.9). */
export const delegationRounds = pgTable('enforcement_delegation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  regionPath: text('region_path').notNull(),
  title: text('title').notNull(),
  decisionDocNumber: text('decision_doc_number').notNull(),
  decisionDate: date('decision_date').notNull(),
  effectiveOn: date('effective_on').notNull(),
  added: integer('added').notNull().default(0),
  withdrawn: integer('withdrawn').notNull().default(0),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** One power delegated to one township (DOMAIN.md §4.9 DelegatedPower); region_path is the township's. */
export const delegatedPowers = pgTable(
  'enforcement_delegated_powers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    townshipOrgId: uuid('township_org_id')
      .notNull()
      .references(() => organisations.id),
    sourceOrgId: uuid('source_org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    code: text('code').notNull().default(''),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    decisionDocNumber: text('decision_doc_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    effectiveOn: date('effective_on').notNull(),
    withdrawnOn: date('withdrawn_on'),
    withdrawalDocNumber: text('withdrawal_doc_number'),
    roundId: uuid('round_id').references(() => delegationRounds.id),
    withdrawalRoundId: uuid('withdrawal_round_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_delegated_powers_township_idx').on(t.townshipOrgId),
    index('enforcement_delegated_powers_region_path_idx').using(
      'btree',
      sql`${t.regionPath} text_pattern_ops`,
    ),
  ],
);

/** 承接能力 of a township: staff and (when the certificates register is not used) a manual certified count. */
export const townshipCapacity = pgTable('enforcement_township_capacity', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  staff: integer('staff').notNull().default(0),
  certifiedManual: integer('certified_manual'),
  note: text('note').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
