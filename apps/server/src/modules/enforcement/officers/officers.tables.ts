import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
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
import { organisations } from '../../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * 行政执法人员 (DOMAIN.md §4.2 EnforcementOfficer). Only 在编在职 staff may hold an enforcement certificate
 * (河南省行政执法条例 第二十条: 工勤人员、劳动合同工、临时工 may not obtain enforcement status).
 */
export const enforcementOfficers = pgTable(
  'enforcement_officers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The enforcement body (an organisation with isLawEnforcementBody) the officer works for. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    name: text('name').notNull(),
    /** AES-256-GCM ciphertext of the 居民身份号码 (platform/crypto); never stored in clear. */
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    /** Keyed hash of the ID number: one officer record per person. */
    idNumberHash: text('id_number_hash').notNull(),
    /** 'established' 在编在职 | 'contract' 聘用 | 'dispatched' 劳务派遣 | 'worker' 工勤 | 'temporary' 临时 */
    staffType: text('staff_type').notNull(),
    position: text('position'),
    /** 执法领域 */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** 执法区域 */
    regionScope: text('region_scope'),
    /** 法律职业资格 (needed for first-time 法制审核 staff, §4.4). */
    legalQualification: boolean('legal_qualification').notNull().default(false),
    /** 'active' 在岗 | 'left' 离岗 */
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_officers_id_hash_uq').on(t.idNumberHash),
    index('enforcement_officers_org_idx').on(t.orgId),
    index('enforcement_officers_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
  ],
);

/**
 * 行政执法证 / 行政执法监督证 (河南省行政执法证件管理办法, 省政府令第180号). A renewal (换发) is a new row with a new
 * number and period; the old row ends (`endedOn`) the day the new one starts, so periods never overlap.
 */
export const enforcementCertificates = pgTable(
  'enforcement_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    /** 'enforcement' 行政执法证 | 'supervision' 行政执法监督证 */
    kind: text('kind').notNull(),
    /** 证号 (unique), assigned on issue (发证). */
    number: text('number'),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    area: text('area'),
    issuingAuthority: text('issuing_authority').notNull().default('河南省人民政府'),
    /** applied | approved | rejected | active | suspended | renewed | cancelled | revoked */
    status: text('status').notNull(),
    appliedOn: date('applied_on').notNull(),
    issuedOn: date('issued_on'),
    /** Validity period, set on issue. */
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** First day the certificate is no longer valid (注销 / 吊销 / 换发); null while it runs. */
    endedOn: date('ended_on'),
    lastReviewedOn: date('last_reviewed_on'),
    /** The certificate this one replaced (换发). */
    previousId: uuid('previous_id'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_certificates_number_uq').on(t.number),
    index('enforcement_certificates_officer_idx').on(t.officerId, t.kind, t.validFrom),
    index('enforcement_certificates_org_idx').on(t.orgId),
    index('enforcement_certificates_region_path_idx').using('btree', sql`${t.regionPath} text_pattern_ops`),
    index('enforcement_certificates_valid_to_idx').on(t.validTo),
  ],
);

/** The dated history of a certificate: 申领/审核/发证/年审/换发/暂扣/恢复/注销/吊销, each with the day it took effect. */
export const enforcementCertificateEvents = pgTable(
  'enforcement_certificate_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => enforcementCertificates.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** The day the action took effect. */
    on: date('on').notNull(),
    /** 年审 result: pass | fail | deferred. */
    result: text('result'),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_certificate_events_cert_idx').on(t.certificateId, t.on)],
);

/** 暂扣 intervals: from `fromOn` (inclusive) until `toOn` (恢复, exclusive; null while suspended). */
export const enforcementCertificateSuspensions = pgTable(
  'enforcement_certificate_suspensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => enforcementCertificates.id),
    fromOn: date('from_on').notNull(),
    toOn: date('to_on'),
    reason: text('reason'),
  },
  (t) => [index('enforcement_certificate_suspensions_cert_idx').on(t.certificateId, t.fromOn)],
);

/** 培训记录 (公共法律知识, 专业法律知识, 执法技能 …); yearly hours against the requirement (default 60 学时). */
export const enforcementTrainings = pgTable(
  'enforcement_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    orgId: uuid('org_id').notNull(),
    regionPath: text('region_path').notNull(),
    course: text('course').notNull(),
    category: text('category').notNull(),
    hours: numeric('hours', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    on: date('on').notNull(),
    year: integer('year').notNull(),
    provider: text('provider'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_trainings_officer_year_idx').on(t.officerId, t.year)],
);

/** 考试记录: 资格考试 / 年度考试. */
export const enforcementExams = pgTable(
  'enforcement_exams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officerId: uuid('officer_id')
      .notNull()
      .references(() => enforcementOfficers.id),
    orgId: uuid('org_id').notNull(),
    regionPath: text('region_path').notNull(),
    /** 'qualification' 资格考试 | 'annual' 年度考试 */
    examType: text('exam_type').notNull(),
    on: date('on').notNull(),
    score: numeric('score', { precision: 5, scale: 1, mode: 'number' }).notNull(),
    passed: boolean('passed').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('enforcement_exams_officer_idx').on(t.officerId, t.on)],
);
