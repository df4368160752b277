import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 期限台账: one statutory time limit (DOMAIN.md §0.2 design consequence). */
export const clocks = pgTable(
  'clocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    startEvent: text('start_event').notNull(),
    startDate: date('start_date').notNull(),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
    legalBasis: text('legal_basis').notNull(),
    warningDays: integer('warning_days').notNull().default(3),
    dueDate: date('due_date').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    status: text('status').notNull(),
    completedOn: date('completed_on'),
    /** '<status>:<dueDate>' of the last 临期/超期 reminder the daily scan sent (null: none yet). */
    alertedFor: text('alerted_for'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  /*
   * The list (GET /api/clocks: scope + optional status, ordered by due date, 20 a page, a capped count) is
   * served by index-only scans: the page's ids come from one of these in order, then 20 primary-key lookups.
   *  - org scope (经办人/单位负责人):     org_status_due (with status) · org_due (without)
   *  - region scope, large region:       status_due / due, walked in due-date order, the region_path prefix
   *                                      checked on the index entry itself (trailing region_path column)
   *  - region scope, small region:       status_scope_due / scope_due range, then a small sort
   * The capped count uses the same indexes. Sorting by start/creation date is not indexed (rare, bounded by scope).
   */
  (t) => [
    index('clocks_scope_due_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.dueDate, t.id),
    index('clocks_status_scope_due_idx').using(
      'btree',
      t.status,
      sql`${t.regionPath} text_pattern_ops`,
      t.dueDate,
      t.id,
    ),
    index('clocks_org_due_idx').on(t.orgId, t.dueDate, t.id),
    index('clocks_org_status_due_idx').on(t.orgId, t.status, t.dueDate, t.id),
    index('clocks_status_due_idx').on(t.status, t.dueDate, t.id, t.regionPath),
    index('clocks_due_idx').on(t.dueDate, t.id, t.regionPath),
  ],
);

export const clockPauses = pgTable(
  'clock_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => clocks.id),
    kind: text('kind').notNull(),
    from: date('from_date').notNull(),
    to: date('to_date'),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('clock_pauses_clock_idx').on(t.clockId)],
);

export const clockExtensions = pgTable(
  'clock_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clockId: uuid('clock_id')
      .notNull()
      .references(() => clocks.id),
    amount: integer('amount').notNull(),
    unit: text('unit').notNull(),
    approver: text('approver').notNull(),
    reason: text('reason').notNull(),
    approvedOn: date('approved_on').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('clock_extensions_clock_idx').on(t.clockId)],
);
