import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 包容审慎监管“四张清单” (DOMAIN.md §4.6): one row per version of a body's list. A new version is a copy with edits;
 * the previous row stays (history) with effective_to set to the day before the new version takes effect.
 */
export const lenientLists = pgTable(
  'enforcement_lenient_lists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    /** no_penalty 不予处罚 | lighter 从轻处罚 | mitigated 减轻处罚 | no_coercion 免予行政强制 */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    versionNo: integer('version_no').notNull().default(1),
    previousId: uuid('previous_id'),
    effectiveFrom: date('effective_from').notNull(),
    effectiveTo: date('effective_to'),
    /** Null while current; set when a newer version supersedes it. */
    supersededAt: ts('superseded_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_lenient_lists_org_idx').on(t.orgId, t.kind),
    index('enforcement_lenient_lists_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  ],
);

/** 清单事项: 违法行为, 适用情形, 适用条件, 法律依据, 处罚依据. */
export const lenientItems = pgTable(
  'enforcement_lenient_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => lenientLists.id),
    seq: integer('seq').notNull(),
    conduct: text('conduct').notNull(),
    circumstances: text('circumstances').notNull(),
    conditions: text('conditions').notNull().default(''),
    legalBasis: text('legal_basis').notNull(),
    penaltyBasis: text('penalty_basis').notNull().default(''),
  },
  (t) => [uniqueIndex('enforcement_lenient_items_list_seq_uq').on(t.listId, t.seq)],
);

/** A case handled under a list item (DOMAIN.md §4.6 LenientApplication); amounts in 分. */
export const lenientCases = pgTable(
  'enforcement_lenient_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listId: uuid('list_id')
      .notNull()
      .references(() => lenientLists.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => lenientItems.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    caseNo: text('case_no').notNull(),
    handledOn: date('handled_on').notNull(),
    partyKind: text('party_kind').notNull(),
    partyName: text('party_name').notNull(),
    partyUscc: text('party_uscc'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull().default(0),
    education: text('education').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_lenient_cases_org_case_uq').on(t.orgId, t.caseNo, t.itemId),
    index('enforcement_lenient_cases_list_idx').on(t.listId, t.handledOn),
    index('enforcement_lenient_cases_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  ],
);
