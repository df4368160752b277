import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, regions } from '../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Groups of the catalogue (INDICATORS.md: G1 组织领导 … G8 制约监督), nested. */
export const indicatorGroups = pgTable('indicator_groups', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  parentCode: text('parent_code'),
  sort: integer('sort').notNull().default(0),
});

/**
 * The indicator catalogue, as data. kind: 'computed' (a module computes it from records) | 'collected'
 * (organisations report it in a 填报 task) | 'derived' (a rate or sum of other indicators).
 * rollup: 'sum' (counts add up the region tree) | 'rate' (recompute numerator ÷ denominator from summed
 * parts — never average rates) | 'none' (not aggregated: ranks, streaks, texts).
 */
export const indicators = pgTable(
  'indicators',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    definition: text('definition').notNull().default(''),
    kind: text('kind').notNull(),
    groupCode: text('group_code').references(() => indicatorGroups.code),
    /** For rates: the indicators whose values are the numerator and denominator. */
    numeratorCode: text('numerator_code'),
    denominatorCode: text('denominator_code'),
    rollup: text('rollup').notNull().default('sum'),
    /** For computed indicators: the module computation that produces it (e.g. 'normdocs'). */
    sourceModule: text('source_module'),
    /** The module's own figure code when it differs from the catalogue code. */
    sourceCode: text('source_code'),
    definitionVersion: integer('definition_version').notNull().default(1),
    /** Added by a local administrator (not from the seed). */
    local: boolean('local').notNull().default(false),
    ownerRegionCode: text('owner_region_code').references(() => regions.code),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('indicators_group_idx').on(t.groupCode)],
);

/** An indicator system (e.g. 市县法治政府建设示范指标体系 2021年版), versioned (DOMAIN.md §10.4). */
export const indicatorSystems = pgTable(
  'indicator_systems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    edition: text('edition').notNull(),
    /** 'draft' | 'active' | 'retired' */
    status: text('status').notNull().default('draft'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('indicator_systems_code_edition_uq').on(t.code, t.edition)],
);

export const indicatorSystemItems = pgTable(
  'indicator_system_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    systemId: uuid('system_id')
      .notNull()
      .references(() => indicatorSystems.id, { onDelete: 'cascade' }),
    parentId: uuid('parent_id'),
    level: integer('level').notNull(),
    /** As printed: 一 / 1 / (1); third-level numbers run consecutively across the whole system. */
    number: text('number').notNull(),
    text: text('text').notNull(),
    evidenceRequirements: jsonb('evidence_requirements').$type<string[]>().notNull().default([]),
    indicatorCodes: jsonb('indicator_codes').$type<string[]>().notNull().default([]),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [index('indicator_system_items_system_idx').on(t.systemId, t.sort)],
);

/**
 * One value of an indicator for an organisation or a region and a period, with its provenance.
 * source: 'computed' (a module's records; recordIds) | 'collected' (a signed-off 填报 submission) |
 * 'imported' (a published report's sentence, confirmed by a person) | 'manual'.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    indicatorCode: text('indicator_code')
      .notNull()
      .references(() => indicators.code),
    orgId: uuid('org_id').references(() => organisations.id),
    regionCode: text('region_code').references(() => regions.code),
    regionPath: text('region_path').notNull(),
    /** '2025' (year) or '2025-H1', '2025-Q3'. */
    period: text('period').notNull(),
    source: text('source').notNull(),
    value: numeric('value'),
    numerator: numeric('numerator'),
    denominator: numeric('denominator'),
    approx: boolean('approx').notNull().default(false),
    textValue: text('text_value'),
    recordIds: jsonb('record_ids').$type<string[]>().notNull().default([]),
    provenance: jsonb('provenance').$type<Record<string, unknown>>().notNull().default({}),
    definitionVersion: integer('definition_version').notNull().default(1),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: ts('confirmed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('indicator_values_subject_uq').on(
      t.indicatorCode,
      t.period,
      t.source,
      sql`coalesce(${t.orgId}::text, '')`,
      sql`coalesce(${t.regionCode}, '')`,
    ),
    index('indicator_values_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.period),
  ],
);
