/**
 * 法治政府建设年度报告 lifecycle as data (DOMAIN.md §10.1 Lifecycle; 《法治政府建设与责任落实督察工作规定》
 * 厅字〔2019〕28号). Drafts: 初稿 → 讨论稿 → 送审稿; then 保密审查, sign-off by the principal Party and
 * government heads, sending (报送, by 1 March), publication (by 1 April, 第二十四条, except content
 * involving Party and state secrets) and archive. Guard: publication requires a recorded secrecy review
 * (SECRECY_REVIEW_REQUIRED), checked against the record, not only the status.
 */
export const REPORT_STATUSES = {
  planned: { zh: '计划', en: 'Planned' },
  draft: { zh: '初稿', en: 'First draft' },
  discussion_draft: { zh: '讨论稿', en: 'Discussion draft' },
  review_draft: { zh: '送审稿', en: 'Draft for approval' },
  secrecy_reviewed: { zh: '已保密审查', en: 'Secrecy reviewed' },
  signed: { zh: '已签发', en: 'Signed' },
  sent: { zh: '已报送', en: 'Sent' },
  published: { zh: '已公开', en: 'Published' },
  archived: { zh: '已归档', en: 'Archived' },
} as const;
export type ReportStatus = keyof typeof REPORT_STATUSES;
export const reportStatusNames = Object.keys(REPORT_STATUSES) as ReportStatus[];

/** Statuses in which the sections may be edited. */
export const REPORT_EDITABLE: readonly ReportStatus[] = [
  'planned',
  'draft',
  'discussion_draft',
  'review_draft',
];

/** Who acts: the drafting office (report.edit), the principal heads (report.approve), the publisher (report.publish). */
export type ReportActor = 'editor' | 'approver' | 'publisher';

export type ReportTransition = {
  zh: string;
  en: string;
  from: readonly ReportStatus[];
  to: ReportStatus;
  by: ReportActor;
  /** The version label saved as a snapshot when the action is taken. */
  snapshot?: string;
};

export const REPORT_TRANSITIONS = {
  start_draft: {
    zh: '形成初稿',
    en: 'Start first draft',
    from: ['planned'],
    to: 'draft',
    by: 'editor',
    snapshot: '初稿',
  },
  to_discussion: {
    zh: '形成讨论稿',
    en: 'Make discussion draft',
    from: ['draft'],
    to: 'discussion_draft',
    by: 'editor',
    snapshot: '讨论稿',
  },
  to_review: {
    zh: '形成送审稿',
    en: 'Make draft for approval',
    from: ['discussion_draft'],
    to: 'review_draft',
    by: 'editor',
    snapshot: '送审稿',
  },
  /** Back to editing; clears the secrecy review and the sign-offs (the text will change). */
  revise: {
    zh: '退回修改',
    en: 'Return for revision',
    from: ['discussion_draft', 'review_draft', 'secrecy_reviewed', 'signed'],
    to: 'draft',
    by: 'editor',
  },
  secrecy_review: {
    zh: '保密审查',
    en: 'Secrecy review',
    from: ['review_draft'],
    to: 'secrecy_reviewed',
    by: 'publisher',
  },
  sign: {
    zh: '党政主要负责人签发',
    en: 'Sign off',
    from: ['secrecy_reviewed'],
    to: 'signed',
    by: 'approver',
    snapshot: '签发稿',
  },
  send: { zh: '报送', en: 'Send', from: ['signed'], to: 'sent', by: 'editor' },
  publish: {
    zh: '向社会公开',
    en: 'Publish',
    from: ['signed', 'sent'],
    to: 'published',
    by: 'publisher',
    snapshot: '公开稿',
  },
  archive: { zh: '归档', en: 'Archive', from: ['published'], to: 'archived', by: 'publisher' },
} as const satisfies Record<string, ReportTransition>;
export type ReportAction = keyof typeof REPORT_TRANSITIONS;
export const reportActionNames = Object.keys(REPORT_TRANSITIONS) as ReportAction[];

export function reportCanTransition(status: ReportStatus, action: ReportAction): boolean {
  return (REPORT_TRANSITIONS[action].from as readonly ReportStatus[]).includes(status);
}

export function reportActionsFrom(status: ReportStatus): ReportAction[] {
  return reportActionNames.filter((a) => reportCanTransition(status, a));
}

/** Why an action is refused in a status, in Chinese; null when the table allows it. */
export function reportTransitionRefusal(status: ReportStatus, action: ReportAction): string | null {
  if (reportCanTransition(status, action)) return null;
  const t = REPORT_TRANSITIONS[action];
  const from = t.from.map((s) => REPORT_STATUSES[s].zh).join('、');
  return `报告当前状态为“${REPORT_STATUSES[status].zh}”，不能${t.zh}（仅限：${from}）`;
}

/** Each actor's actions go through their own route: POST /api/reports/:id/<segment>. */
export const REPORT_ACTOR_ROUTE: Record<ReportActor, { segment: string; permission: string }> = {
  editor: { segment: 'transitions', permission: 'report.edit' },
  approver: { segment: 'approve-transitions', permission: 'report.approve' },
  publisher: { segment: 'publish-transitions', permission: 'report.publish' },
};

export function reportTransitionPath(reportId: string, action: ReportAction): string {
  return `/api/reports/${reportId}/${REPORT_ACTOR_ROUTE[REPORT_TRANSITIONS[action].by].segment}`;
}

/**
 * Statutory deadlines of the report on the year after the reported year (DOMAIN.md §10.1, 厅字〔2019〕28号
 * as restated by provincial guides): sent by 1 March (1 April for provincial reports to the centre), and
 * published by 1 April (第二十四条).
 */
export function reportDeadlines(year: number): { sendBy: string; publishBy: string } {
  return { sendBy: `${year + 1}-03-01`, publishBy: `${year + 1}-04-01` };
}
