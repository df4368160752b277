import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../../platform/db/schema';

/*
 * 执法监督 (DOMAIN.md §4.8; 河南省行政执法条例 第三十七–四十五条). Every record carries the organisation it
 * concerns (the supervised enforcement body, or the organiser for checks) and that organisation's region path:
 * the data scope of staff (own organisation) and of the supervision office (region tree).
 */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** 监督检查: 日常 / 专项 / 伴随式 (条例 第三十九条: daily, special and comprehensive checks). */
export const enfSupervisionChecks = pgTable(
  'enf_supervision_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organiser (the supervision office's organisation). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    targetOrgIds: uuid('target_org_ids').array().notNull(),
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    findings: text('findings').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enf_sup_checks_region_idx').on(t.regionPath, t.periodTo)],
);

/** 问题线索 / 问题 / 投诉举报 about an enforcement body. */
export const enfSupervisionProblems = pgTable(
  'enf_supervision_problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    checkId: uuid('check_id').references(() => enfSupervisionChecks.id),
    /** 'check' | 'complaint' | 'referral' | 'other' */
    source: text('source').notNull(),
    /** A clue (线索) still to verify, or a problem found. */
    isClue: boolean('is_clue').notNull().default(false),
    description: text('description').notNull(),
    complainant: text('complainant').notNull().default(''),
    receivedOn: date('received_on').notNull(),
    status: text('status').notNull(),
    assignee: text('assignee').notNull().default(''),
    reply: text('reply').notNull().default(''),
    repliedOn: date('replied_on'),
    /** When the problem was confirmed (查实) and rectified. */
    confirmedOn: date('confirmed_on'),
    rectifiedOn: date('rectified_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enf_sup_problems_region_idx').on(t.regionPath, t.receivedOn)],
);

export type NoticeEvent = { at: string; action: string; by: string; note: string };

/** 行政执法监督意见书 / 决定书 (条例 第四十三条). */
export const enfSupervisionNotices = pgTable(
  'enf_supervision_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 'opinion' 意见书 | 'decision' 决定书 */
    kind: text('kind').notNull(),
    number: text('number').notNull().unique(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    issuerOrgId: uuid('issuer_org_id')
      .notNull()
      .references(() => organisations.id),
    /** The supervised body. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    issuedOn: date('issued_on').notNull(),
    deadlineAmount: integer('deadline_amount').notNull(),
    deadlineUnit: text('deadline_unit').notNull(),
    dueDate: date('due_date').notNull(),
    extendedDue: date('extended_due'),
    respondedOn: date('responded_on'),
    closedOn: date('closed_on'),
    status: text('status').notNull(),
    parentId: uuid('parent_id'),
    escalatedTo: text('escalated_to'),
    clockId: uuid('clock_id'),
    timeline: jsonb('timeline').$type<NoticeEvent[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enf_sup_notices_region_idx').on(t.regionPath, t.issuedOn)],
);

export const enfSupervisionNoticeItems = pgTable(
  'enf_supervision_notice_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => enfSupervisionNotices.id),
    seq: integer('seq').notNull(),
    content: text('content').notNull(),
    response: text('response').notNull().default(''),
    respondedOn: date('responded_on'),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default([]),
  },
  (t) => [index('enf_sup_notice_items_notice_idx').on(t.noticeId, t.seq)],
);

/** Gapless numbering: one counter row per issuing jurisdiction, kind and year (upsert in the issuing tx). */
export const enfSupervisionNumberCounters = pgTable(
  'enf_supervision_number_counters',
  {
    scopeKey: text('scope_key').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeKey, t.year] })],
);

/** 约谈 (国办发〔2024〕54号: public 约谈 of responsible leaders). */
export const enfSupervisionInterviews = pgTable('enf_supervision_interviews', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  regionPath: text('region_path').notNull(),
  noticeId: uuid('notice_id').references(() => enfSupervisionNotices.id),
  heldOn: date('held_on').notNull(),
  persons: text('persons').notNull(),
  reason: text('reason').notNull(),
  content: text('content').notNull().default(''),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** 追责 (条例 第四十四条, 第四十五条). */
export const enfSupervisionAccountability = pgTable('enf_supervision_accountability', {
  id: uuid('id').primaryKey().defaultRandom(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => organisations.id),
  regionPath: text('region_path').notNull(),
  noticeId: uuid('notice_id').references(() => enfSupervisionNotices.id),
  person: text('person').notNull(),
  measure: text('measure').notNull(),
  authority: text('authority').notNull(),
  decidedOn: date('decided_on').notNull(),
  reason: text('reason').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});
