import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const pathIdx = (name: string, col: AnyPgColumn) => index(name).using('btree', sql`${col} text_pattern_ops`);

/** 检查对象: enterprises identified by 统一社会信用代码 (GB 32100, validated on entry). */
export const enforcementEnterprises = pgTable(
  'enforcement_enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    regionPath: text('region_path').notNull(),
    industry: text('industry'),
    /** high | medium_high | medium | low (risk-differentiated sampling ratios, DOMAIN.md §4.5). */
    riskGrade: text('risk_grade'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_enterprises_uscc_uq').on(t.uscc),
    pathIdx('enforcement_enterprises_region_path_idx', t.regionPath),
  ],
);

/** 涉企行政检查事项清单: one row per item of a body's list; "清单之外无检查" (国办发〔2024〕54号). */
export const enforcementInspectionItems = pgTable(
  'enforcement_inspection_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    legalBasis: text('legal_basis').notNull(),
    object: text('object').notNull(),
    method: text('method').notNull(),
    category: text('category').notNull(),
    frequency: text('frequency').notNull(),
    published: boolean('published').notNull().default(false),
    publishedOn: date('published_on'),
    withdrawnOn: date('withdrawn_on'),
    /** The body's list version in which this item was last published (bumped on every publish/withdraw). */
    listVersion: integer('list_version').notNull().default(0),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_inspection_items_code_uq').on(t.orgId, t.code),
    pathIdx('enforcement_inspection_items_region_path_idx', t.regionPath),
  ],
);

/** The version counter of each body's item list (one row per body). */
export const enforcementInspectionLists = pgTable('enforcement_inspection_lists', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  listVersion: integer('list_version').notNull().default(0),
  publishedOn: date('published_on'),
});

/** 检查计划 (annual 年度 / special 专项), filed with or approved by the government. */
export const enforcementInspectionPlans = pgTable(
  'enforcement_inspection_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    itemIds: jsonb('item_ids').$type<string[]>().notNull().default([]),
    status: text('status').notNull().default('draft'),
    submittedOn: date('submitted_on'),
    decidedOn: date('decided_on'),
    decidedBy: uuid('decided_by'),
    decisionNote: text('decision_note'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_inspection_plans_org_idx').on(t.orgId, t.year),
    pathIdx('enforcement_inspection_plans_region_path_idx', t.regionPath),
  ],
);

/** 双随机 draws: seed, algorithm, pool snapshot (sorted codes) and its hash, result. */
export const enforcementRandomDraws = pgTable(
  'enforcement_random_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    planId: uuid('plan_id'),
    itemId: uuid('item_id'),
    criteria: jsonb('criteria').$type<Record<string, string>>(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    /** Sorted 统一社会信用代码 of the pool (the snapshot anyone can re-draw from). */
    enterprisePool: text('enterprise_pool').array().notNull(),
    enterprisePoolHash: text('enterprise_pool_hash').notNull(),
    enterpriseCount: integer('enterprise_count').notNull(),
    enterpriseResult: text('enterprise_result').array().notNull(),
    inspectorPool: text('inspector_pool').array().notNull(),
    inspectorPoolHash: text('inspector_pool_hash'),
    inspectorCount: integer('inspector_count').notNull().default(0),
    inspectorResult: text('inspector_result').array().notNull(),
    drawnAt: ts('drawn_at').notNull().defaultNow(),
    drawnBy: uuid('drawn_by'),
    publishedOn: date('published_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('enforcement_random_draws_org_idx').on(t.orgId),
    pathIdx('enforcement_random_draws_region_path_idx', t.regionPath),
  ],
);

/** 行政检查 records; a 综合查一次 joint inspection is ONE row with several bodies (enforcement_inspection_bodies). */
export const enforcementInspections = pgTable(
  'enforcement_inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The lead body. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => enforcementInspectionItems.id),
    planId: uuid('plan_id'),
    drawId: uuid('draw_id'),
    inspectedOn: date('inspected_on').notNull(),
    year: integer('year').notNull(),
    onsite: boolean('onsite').notNull().default(true),
    joint: boolean('joint').notNull().default(false),
    /** Officers with the certificate valid that day: [{ officerId, certificateId, certificateNumber }]. */
    officers: jsonb('officers')
      .$type<{ officerId: string; certificateId: string; certificateNumber: string }[]>()
      .notNull(),
    result: text('result').notNull(),
    findings: text('findings').notNull().default(''),
    overrideReason: text('override_reason'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('enforcement_inspections_org_idx').on(t.orgId, t.inspectedOn),
    pathIdx('enforcement_inspections_region_path_idx', t.regionPath),
  ],
);

/** The bodies of an inspection (the lead and, for 综合查一次, the partners), each with its listed item. */
export const enforcementInspectionBodies = pgTable(
  'enforcement_inspection_bodies',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => enforcementInspections.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.inspectionId, t.orgId] }),
    index('enforcement_inspection_bodies_org_idx').on(t.orgId),
  ],
);

/**
 * One row per enterprise × body × inspection: the yearly-cap counter (an index-only count on
 * (enterprise_id, org_id, year)). A joint inspection is one inspection: it adds one to each participating body's
 * count and one to the enterprise's total (count distinct inspection_id).
 */
export const enforcementInspectionSubjects = pgTable(
  'enforcement_inspection_subjects',
  {
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => enforcementInspections.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enforcementEnterprises.id),
    orgId: uuid('org_id').notNull(),
    year: integer('year').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.enterpriseId, t.orgId, t.year, t.inspectionId] }),
    index('enforcement_inspection_subjects_inspection_idx').on(t.inspectionId),
  ],
);

/** Per-region settings (nearest ancestor applies): yearly cap per enterprise per body, plan required. */
export const enforcementInspectionSettings = pgTable('enforcement_inspection_settings', {
  regionCode: text('region_code').primaryKey(),
  yearlyCap: integer('yearly_cap').notNull(),
  planRequired: boolean('plan_required').notNull().default(false),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
