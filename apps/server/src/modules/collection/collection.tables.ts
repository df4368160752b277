import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 填报任务: the justice bureau asks organisations for indicator values of a period. */
export const collectionTasks = pgTable(
  'collection_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    period: text('period').notNull(),
    indicatorCodes: jsonb('indicator_codes').$type<string[]>().notNull().default([]),
    /** Narrative sections each organisation writes (codes of the report outline, e.g. 'g1', 'problems'). */
    sectionCodes: jsonb('section_codes').$type<string[]>().notNull().default([]),
    dueDate: date('due_date').notNull(),
    instructions: text('instructions').notNull().default(''),
    /** 'draft' | 'open' | 'closed' */
    status: text('status').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('collection_tasks_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.period),
  ],
);

/** One organisation's part of a task. status: 'pending' | 'submitted' | 'signed' | 'accepted' | 'returned'. */
export const collectionTargets = pgTable(
  'collection_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => collectionTasks.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    status: text('status').notNull(),
    clockId: uuid('clock_id'),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    signedAt: ts('signed_at'),
    signedBy: uuid('signed_by').references(() => users.id),
    decidedAt: ts('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('collection_targets_task_idx').on(t.taskId, t.status),
    index('collection_targets_org_idx').on(t.orgId, t.status),
  ],
);

/** A value filled in by the organisation; `reusedFromValueId` when it was already reported this period. */
export const collectionValues = pgTable(
  'collection_values',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => collectionTargets.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    value: numeric('value'),
    numerator: numeric('numerator'),
    denominator: numeric('denominator'),
    note: text('note').notNull().default(''),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    reusedFromValueId: uuid('reused_from_value_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.indicatorCode] })],
);

export const collectionNarratives = pgTable(
  'collection_narratives',
  {
    targetId: uuid('target_id')
      .notNull()
      .references(() => collectionTargets.id, { onDelete: 'cascade' }),
    sectionCode: text('section_code').notNull(),
    text: text('text').notNull().default(''),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.targetId, t.sectionCode] })],
);
