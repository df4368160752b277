import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
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
import { organisations, regions, storedFiles, users } from '../../platform/db/schema';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export type LegalBasisRef = { name: string; article?: string };
export type PublishChannel = { channel: string; url?: string };

/** 行政规范性文件 (DOMAIN.md §1.2 NormativeDocument). One row per version; an amendment is a new row. */
export const normdocs = pgTable(
  'normdocs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 制定机关 (lead organ for joint issuance). */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    /** 起草单位 (may differ from the issuing organ, e.g. a department drafting a government document). */
    draftingOrgId: uuid('drafting_org_id')
      .notNull()
      .references(() => organisations.id),
    title: text('title').notNull(),
    /** 'government' 政府规范性文件 | 'department' 部门规范性文件 */
    kind: text('kind').notNull(),
    /** 发文字号, e.g. 三政文〔2025〕5号 */
    docNumber: text('doc_number'),
    /** 统一登记号 from the jurisdiction's template, e.g. 三政规〔2025〕3号 */
    registrationNumber: text('registration_number'),
    registrationYear: integer('registration_year'),
    registrationSeq: integer('registration_seq'),
    registeredOn: date('registered_on'),
    status: text('status').notNull(),
    involvesPublicInterest: boolean('involves_public_interest').notNull().default(false),
    involvesMarketEntities: boolean('involves_market_entities').notNull().default(false),
    involvesMajorDecision: boolean('involves_major_decision').notNull().default(false),
    /** 暂行/试行: shorter default validity. */
    provisionalRules: boolean('provisional_rules').notNull().default(false),
    legalBasis: jsonb('legal_basis').$type<LegalBasisRef[]>().notNull().default([]),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    signedBy: text('signed_by'),
    signedOn: date('signed_on'),
    publishedOn: date('published_on'),
    publishChannels: jsonb('publish_channels').$type<PublishChannel[]>().notNull().default([]),
    effectiveOn: date('effective_on'),
    validUntil: date('valid_until'),
    /** The day the document stopped being in force (repeal, invalidity, expiry, amendment, removal). */
    endedOn: date('ended_on'),
    /** 政策解读: required for published documents (解读率). */
    interpretationRequired: boolean('interpretation_required').notNull().default(true),
    interpretationTitle: text('interpretation_title'),
    interpretationUrl: text('interpretation_url'),
    interpretationPublishedOn: date('interpretation_published_on'),
    interpretationBody: text('interpretation_body'),
    previousVersionId: uuid('previous_version_id'),
    versionNo: integer('version_no').notNull().default(1),
    /** Imported from an existing catalogue rather than drafted here (its procedure happened off-system). */
    imported: boolean('imported').notNull().default(false),
    /** jieba tokens of title + body (simple configuration); title tokens weighted A. */
    searchTsv: tsvector('search_tsv'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('normdocs_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.status),
    index('normdocs_org_status_idx').on(t.orgId, t.status),
    index('normdocs_status_published_idx').on(t.status, t.publishedOn),
    // Staff search walks this in date order for common words (a few hundred rows instead of sorting all matches).
    index('normdocs_published_idx').using('btree', sql`${t.publishedOn} desc nulls last`, t.id),
    uniqueIndex('normdocs_registration_number_uq').on(t.registrationNumber),
    index('normdocs_search_idx').using('gin', t.searchTsv),
    index('normdocs_title_trgm_idx').using('gin', sql`${t.title} gin_trgm_ops`),
  ],
);

/** 联合发文: co-issuing organs besides the lead. */
export const normdocCoIssuers = pgTable(
  'normdoc_co_issuers',
  {
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.docId, t.orgId] })],
);

/** The document's timeline: every transition and procedural step, who, when, opinion. */
export const normdocEvents = pgTable(
  'normdoc_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name').notNull(),
    actorOrgName: text('actor_org_name').notNull().default(''),
    note: text('note').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_events_doc_idx').on(t.docId, t.at)],
);

/**
 * Procedure records (DOMAIN.md §1.2 DraftingStep): 评估论证, 公平竞争审查, 集体审议, 座谈会/论证会/听证, 部门会签.
 * `outcome` per kind: fair_competition 'compliant'|'revised'|'not_applicable'; deliberation 'adopted'|'rejected'|'deferred'.
 */
export const normdocProcedures = pgTable(
  'normdoc_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    startedOn: date('started_on'),
    endedOn: date('ended_on'),
    /** e.g. meeting name for 集体审议 (区政府第12次常务会议) */
    title: text('title').notNull().default(''),
    participants: text('participants').notNull().default(''),
    outcome: text('outcome'),
    notes: text('notes').notNull().default(''),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_procedures_doc_idx').on(t.docId, t.kind)],
);

/** 合法性审核 (DOMAIN.md §1.2 LegalityReview). One row per submission round. */
export const normdocLegalityReviews = pgTable(
  'normdoc_legality_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    submittedOn: date('submitted_on').notNull(),
    returnedOn: date('returned_on'),
    returnReason: text('return_reason'),
    acceptedOn: date('accepted_on'),
    reviewerOrgId: uuid('reviewer_org_id').references(() => organisations.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    /** 'lawful' 合法 | 'lawful_after_revision' 修改后合法 | 'unlawful' 不合法 | 'not_normative' 不属于规范性文件 */
    opinion: text('opinion'),
    suggestionCount: integer('suggestion_count'),
    opinionText: text('opinion_text'),
    completedOn: date('completed_on'),
    /** The 期限台账 clock of the review (≥5, normally ≤15 working days — configurable). */
    clockId: uuid('clock_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_legality_reviews_doc_idx').on(t.docId)],
);

/** Attachments: 正式文本 (.docx/.pdf), 起草说明, 审核意见书, 政策解读, 其他. */
export const normdocAttachments = pgTable(
  'normdoc_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_attachments_doc_idx').on(t.docId)],
);

/** 征求意见期 (DOMAIN.md §1.2 PublicComment). */
export const normdocCommentPeriods = pgTable(
  'normdoc_comment_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    days: integer('days').notNull(),
    /** Required when `days` is shorter than the jurisdiction's default. */
    shortenedReason: text('shortened_reason'),
    draftTitle: text('draft_title').notNull(),
    draftText: text('draft_text').notNull(),
    /** 采纳情况说明, shown on the portal after the period. */
    adoptionExplanation: text('adoption_explanation'),
    closedAt: ts('closed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('normdoc_comment_periods_doc_idx').on(t.docId),
    index('normdoc_comment_periods_open_idx').on(t.closesOn),
  ],
);

/** A comment from the public (no login). Contact details are optional and never shown publicly. */
export const normdocComments = pgTable(
  'normdoc_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    periodId: uuid('period_id')
      .notNull()
      .references(() => normdocCommentPeriods.id, { onDelete: 'cascade' }),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id, { onDelete: 'cascade' }),
    submitterName: text('submitter_name'),
    /** 'citizen' | 'enterprise' | 'organisation' */
    submitterKind: text('submitter_kind').notNull(),
    contactEncrypted: text('contact_encrypted'),
    content: text('content').notNull(),
    ipHash: text('ip_hash').notNull(),
    /** null: not yet handled; true 采纳; false 未采纳 */
    adopted: boolean('adopted'),
    response: text('response'),
    handledBy: uuid('handled_by'),
    handledAt: ts('handled_at'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_comments_period_idx').on(t.periodId, t.submittedAt)],
);

/**
 * 备案 (DOMAIN.md §1.2 Filing): one per recipient. `recipientKind`: 'superior_government' 上一级人民政府,
 * 'same_level_congress' 本级人大常委会, 'same_level_government' 本级人民政府 (department documents),
 * 'superior_department' 上级主管部门.
 */
export const normdocFilings = pgTable(
  'normdoc_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id),
    /** Filing organ (the document's issuing organ) — its scope is the submitting side. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    recipientKind: text('recipient_kind').notNull(),
    recipientOrgId: uuid('recipient_org_id').references(() => organisations.id),
    /** Region path of the receiving side (justice bureau of the superior government etc.): its reviewers see the filing. */
    recipientRegionPath: text('recipient_region_path').notNull(),
    dueDate: date('due_date').notNull(),
    provisional: boolean('provisional').notNull().default(false),
    clockId: uuid('clock_id'),
    /** 'due' | 'submitted' | 'registered' | 'suspended' | 'not_accepted' | 'under_review' | 'passed' | 'opinion_issued' | 'corrected' | 'revoked' */
    status: text('status').notNull(),
    submittedOn: date('submitted_on'),
    materials: jsonb('materials').$type<string[]>().notNull().default([]),
    /** 'registered' 予以备案登记 | 'suspended' 暂缓登记-补正 | 'not_accepted' 不予备案 */
    registrationResult: text('registration_result'),
    registrationNote: text('registration_note'),
    registeredOn: date('registered_on'),
    /** 'passed' 审查通过 | 'self_correct' 审查意见-自行纠正 | 'ordered_correct' 责令纠正 | 'revoked' 撤销 */
    reviewResult: text('review_result'),
    reviewedOn: date('reviewed_on'),
    correctionDue: date('correction_due'),
    correctionDoneOn: date('correction_done_on'),
    correctionNote: text('correction_note'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('normdoc_filings_doc_recipient_uq').on(t.docId, t.recipientKind),
    index('normdoc_filings_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.status),
    index('normdoc_filings_recipient_idx').using(
      'btree',
      sql`${t.recipientRegionPath} text_pattern_ops`,
      t.status,
    ),
    index('normdoc_filings_due_idx').on(t.status, t.dueDate),
  ],
);

/** 备案审查 (receiving side, DOMAIN.md §1.2 SubordinateFilingReview): one per received filing. */
export const normdocFilingReviews = pgTable(
  'normdoc_filing_reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => normdocFilings.id),
    /** The reviewing organ (justice bureau) and its region: the scope of the review. */
    reviewerOrgId: uuid('reviewer_org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    assigneeId: uuid('assignee_id').references(() => users.id),
    receivedOn: date('received_on').notNull(),
    reviewDue: date('review_due'),
    /** 'received' | 'assigned' | 'reviewed' | 'correcting' | 'closed' */
    status: text('status').notNull(),
    /** codes: exceeds_authority 超越权限, violates_superior_law 违反上位法, reduces_rights 违法减损权利或增加义务, improper_procedure 程序不当, conflicts_superior_docs 与上级文件冲突, inappropriate 内容不适当, unfair_competition 违反公平竞争 */
    issues: jsonb('issues').$type<string[]>().notNull().default([]),
    /** 'no_issue' 无问题 | 'phone_reminder' 电话提醒 | 'written_opinion' 书面审查意见 | 'correction_notice' 纠错通知 | 'revocation_proposal' 提请撤销 */
    handling: text('handling'),
    opinionText: text('opinion_text'),
    reviewedOn: date('reviewed_on'),
    correctionDue: date('correction_due'),
    corrected: boolean('corrected'),
    /** 'amended' 修改 | 'repealed' 废止 | 'suspended' 停止执行 */
    correctionForm: text('correction_form'),
    correctionDoneOn: date('correction_done_on'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('normdoc_filing_reviews_filing_uq').on(t.filingId),
    index('normdoc_filing_reviews_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.status),
  ],
);

/** 发文目录 imported for a check (认定未备案): one per organisation and check. */
export const normdocRegisters = pgTable(
  'normdoc_registers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    entryCount: integer('entry_count').notNull().default(0),
    /** Sampling: the seed and algorithm are recorded so the draw can be re-run and audited. */
    sampleSeed: text('sample_seed'),
    sampleSize: integer('sample_size'),
    sampleAlgorithm: text('sample_algorithm'),
    sampledAt: ts('sampled_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_registers_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`)],
);

export const normdocRegisterEntries = pgTable(
  'normdoc_register_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registerId: uuid('register_id')
      .notNull()
      .references(() => normdocRegisters.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    docNumber: text('doc_number').notNull().default(''),
    title: text('title').notNull(),
    issuedOn: date('issued_on'),
    sampled: boolean('sampled').notNull().default(false),
    /** 'normative' | 'not_normative' | 'uncertain' (认定) */
    classification: text('classification'),
    classifiedBy: uuid('classified_by'),
    classifiedAt: ts('classified_at'),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('normdoc_register_entries_seq_uq').on(t.registerId, t.seq)],
);

/** 认定未备案 (漏备) finding with follow-up. */
export const normdocUnfiledFindings = pgTable(
  'normdoc_unfiled_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id').references(() => normdocRegisterEntries.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull().default(''),
    foundOn: date('found_on').notNull(),
    /** 'open' | 'rectifying' | 'closed' */
    status: text('status').notNull(),
    followUpDue: date('follow_up_due'),
    followUp: text('follow_up'),
    closedOn: date('closed_on'),
    /** When the document was brought into the system and filed. */
    docId: uuid('doc_id').references(() => normdocs.id),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('normdoc_unfiled_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`, t.foundOn),
  ],
);

/** 清理 campaign (DOMAIN.md §1.2 CleanupCampaign). kind: 'full' 全面清理 | 'special' 专项清理 | 'continuous' 动态清理. */
export const normdocCleanupCampaigns = pgTable(
  'normdoc_cleanup_campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    regionPath: text('region_path').notNull(),
    title: text('title').notNull(),
    kind: text('kind').notNull(),
    topic: text('topic'),
    cutoffDate: date('cutoff_date').notNull(),
    scopeOrgIds: jsonb('scope_org_ids').$type<string[]>().notNull().default([]),
    /** 'open' | 'decided' | 'applied' */
    status: text('status').notNull(),
    decisionDocNumber: text('decision_doc_number'),
    decisionDate: date('decision_date'),
    effectiveOn: date('effective_on'),
    appliedAt: ts('applied_at'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_cleanup_scope_idx').using('btree', sql`${t.regionPath} text_pattern_ops`)],
);

/** One worklist line: result 'keep' 继续有效 | 'amend' 修改 | 'repeal' 废止 | 'declare_invalid' 宣布失效 | 'remove_from_catalog' 剔除目录. */
export const normdocCleanupItems = pgTable(
  'normdoc_cleanup_items',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => normdocCleanupCampaigns.id, { onDelete: 'cascade' }),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id),
    result: text('result'),
    reason: text('reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
    appliedAt: ts('applied_at'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.docId] })],
);

/** 后评估 (DOMAIN.md §1.2 PostEvaluation). recommendation: 'continue' 继续施行 | 'amend' 修改 | 'repeal' 废止. */
export const normdocEvaluations = pgTable(
  'normdoc_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    docId: uuid('doc_id')
      .notNull()
      .references(() => normdocs.id),
    evaluator: text('evaluator').notNull(),
    participants: jsonb('participants').$type<string[]>().notNull().default([]),
    method: text('method').notNull().default(''),
    findings: text('findings').notNull(),
    recommendation: text('recommendation').notNull(),
    reportOn: date('report_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('normdoc_evaluations_doc_idx').on(t.docId)],
);

/**
 * Per-jurisdiction settings (rules marked FROM MEMORY / LOCAL EXAMPLE in DOMAIN.md §1.4–1.5 are configuration).
 * A region without a row inherits from the nearest ancestor, then from the defaults in the contracts.
 */
export const normdocRegionSettings = pgTable('normdoc_region_settings', {
  regionCode: text('region_code')
    .primaryKey()
    .references(() => regions.code),
  /** e.g. '三政规〔{year}〕{n}号' or '{abbr}规〔{year}〕{n3}' */
  registrationTemplate: text('registration_template').notNull(),
  filingDaysSuperiorGovernment: integer('filing_days_superior_government').notNull(),
  filingDaysCongress: integer('filing_days_congress').notNull(),
  filingDaysSuperiorDepartment: integer('filing_days_superior_department').notNull(),
  filingDaysSameLevelGovernment: integer('filing_days_same_level_government').notNull(),
  commentDays: integer('comment_days').notNull(),
  minCommentDays: integer('min_comment_days').notNull(),
  validityYears: integer('validity_years').notNull(),
  provisionalValidityYears: integer('provisional_validity_years').notNull(),
  expiryWarningDays: integer('expiry_warning_days').notNull(),
  /** 及时率 denominator: 'filed' (÷ documents filed) or 'due' (÷ documents due) — CUSTOMARY, configurable. */
  timelinessBase: text('timeliness_base').notNull().default('filed'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Gapless registration serials per numbering scope and year; incremented in the registering transaction. */
export const normdocNumberCounters = pgTable(
  'normdoc_number_counters',
  {
    scopeKey: text('scope_key').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeKey, t.year] })],
);
