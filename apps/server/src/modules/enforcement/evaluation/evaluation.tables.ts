import { sql } from 'drizzle-orm';
import {
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type TemplateItemRow = { code: string; name: string; category: string; points: number; veto: boolean };

/** 评查标准 as data (DOMAIN.md §4.7): items with points, veto items, grade thresholds. Immutable once created. */
export const evaluationTemplates = pgTable('enforcement_evaluation_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  regionPath: text('region_path').notNull(),
  name: text('name').notNull(),
  items: jsonb('items').$type<TemplateItemRow[]>().notNull(),
  gradeBands: jsonb('grade_bands').$type<{ excellent: number; pass: number }>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Case files a body registers for evaluation (file references only). */
export const evaluationCaseFiles = pgTable(
  'enforcement_case_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    caseNo: text('case_no').notNull(),
    title: text('title').notNull(),
    decidedOn: date('decided_on').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_case_files_org_case_uq').on(t.orgId, t.caseNo),
    index('enforcement_case_files_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  ],
);

/** 评查活动 (DOMAIN.md §4.7 EvaluationCampaign), organised by the justice bureau. */
export const evaluationCampaigns = pgTable(
  'enforcement_evaluation_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => evaluationTemplates.id),
    scopeOrgIds: jsonb('scope_org_ids').$type<string[]>().notNull(),
    perBody: integer('per_body').notNull(),
    evaluators: jsonb('evaluators')
      .$type<{ name: string; role: 'evaluator' | 'legal_adviser' }[]>()
      .notNull(),
    seed: text('seed'),
    status: text('status').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_evaluation_campaigns_region_path_idx').using(
      'btree',
      sql`${t.regionPath} text_pattern_ops`,
    ),
  ],
);

/** A drawn file and its score (DOMAIN.md §4.7 FileEvaluation). */
export const evaluationFiles = pgTable(
  'enforcement_evaluation_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => evaluationCampaigns.id),
    caseFileId: uuid('case_file_id')
      .notNull()
      .references(() => evaluationCaseFiles.id),
    orgId: uuid('org_id').notNull(),
    evaluator: text('evaluator'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    vetoHits: jsonb('veto_hits').$type<string[]>().notNull().default([]),
    problems: jsonb('problems').$type<string[]>().notNull().default([]),
    total: real('total'),
    grade: text('grade'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('enforcement_evaluation_files_uq').on(t.campaignId, t.caseFileId)],
);

/** 整改事项 (DOMAIN.md §4.7 RectificationItem) with a clock for its due date. */
export const evaluationRectifications = pgTable(
  'enforcement_evaluation_rectifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => evaluationCampaigns.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => evaluationFiles.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    problem: text('problem').notNull(),
    dueDate: date('due_date').notNull(),
    clockId: uuid('clock_id'),
    response: text('response'),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
    doneOn: date('done_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_evaluation_rectifications_campaign_idx').on(t.campaignId)],
);
