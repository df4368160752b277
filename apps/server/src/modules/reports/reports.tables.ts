import { sql } from 'drizzle-orm';
import {
  boolean,
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
import { organisations } from '../../platform/db/schema';

export type ReportSnapshot = {
  code: string;
  title: string;
  level?: number;
  body: string;
  /** RenderedSection of the contracts, frozen at publication. */
  rendered?: unknown;
}[];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 法治政府建设年度报告 (DOMAIN.md §10.1). kind: 'to_congress' 向同级党委/人大常委会 | 'to_superior'
 * 向上级党委政府 | 'department' 部门向本级及上级部门. status follows the report state machine in the contracts
 * (planned → collecting → draft → discussion_draft → review_draft → secrecy_reviewed → signed → sent →
 * published → archived).
 */
export const annualReports = pgTable(
  'annual_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Joint 党委 + 政府 report: the Party committee. */
    coOrgId: uuid('co_org_id').references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    year: integer('year').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    status: text('status').notNull(),
    docNumber: text('doc_number'),
    signer: text('signer'),
    issuedOn: date('issued_on'),
    secrecyReviewedBy: text('secrecy_reviewed_by'),
    secrecyReviewedOn: date('secrecy_reviewed_on'),
    secrecyConclusion: text('secrecy_conclusion'),
    publishedOn: date('published_on'),
    publishedUrl: text('published_url'),
    archivedAt: ts('archived_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reports_org_year_kind_uq').on(t.orgId, t.year, t.kind),
    index('annual_reports_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.year),
  ],
);

/**
 * A section of the outline. `body` is the 公文 subset of rich text as JSON blocks (paragraphs with runs:
 * plain / bold; headings by level) with figure placeholders 「{{indicator.code}}」 inside runs.
 */
export const annualReportSections = pgTable(
  'annual_report_sections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => annualReports.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    level: integer('level').notNull().default(1),
    sort: integer('sort').notNull().default(0),
    body: text('body').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_report_sections_code_uq').on(t.reportId, t.code)],
);

/** Saved versions: 初稿 / 讨论稿 / 送审稿 …, a snapshot of every section. */
export const annualReportVersions = pgTable('annual_report_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => annualReports.id, { onDelete: 'cascade' }),
  label: text('label').notNull(),
  /** Sections as saved; the published version (公开稿) also holds `rendered`, the text with the values frozen at publication. */
  snapshot: jsonb('snapshot').$type<ReportSnapshot>().notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const annualReportComments = pgTable('annual_report_comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => annualReports.id, { onDelete: 'cascade' }),
  sectionCode: text('section_code'),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
  text: text('text').notNull(),
  resolved: boolean('resolved').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** Sign-off by the principal heads (党政主要负责人). */
export const annualReportSignoffs = pgTable('annual_report_signoffs', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => annualReports.id, { onDelete: 'cascade' }),
  userId: uuid('user_id'),
  name: text('name').notNull(),
  position: text('position').notNull(),
  signedOn: date('signed_on').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 报送: to whom, when, copy-to (抄送). */
export const annualReportSendings = pgTable('annual_report_sendings', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id')
    .notNull()
    .references(() => annualReports.id, { onDelete: 'cascade' }),
  recipient: text('recipient').notNull(),
  copyTo: jsonb('copy_to').$type<string[]>().notNull().default([]),
  sentOn: date('sent_on').notNull(),
  channel: text('channel').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});
