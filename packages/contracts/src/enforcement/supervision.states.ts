/**
 * 执法监督 state machines as data (DOMAIN.md §4.8), shared by server and web.
 * 意见书 / 决定书 (河南省行政执法条例 第四十三条): the office issues a notice with numbered items and a deadline;
 * the body handles the items and reports within the deadline; if it does not, the office escalates to a
 * 《行政执法监督决定书》 (or reports to the government); after rectification the office closes the notice.
 *   ISSUED ─(body responds)─▶ RESPONDED ─(office accepts)─▶ CLOSED
 *   ISSUED | RESPONDED ─(office escalates)─▶ ESCALATED
 *   ISSUED ─(office extends the deadline)─▶ ISSUED
 */
export const SUPERVISION_NOTICE_STATUSES = {
  issued: '已下达',
  responded: '已反馈',
  escalated: '已升级处理',
  closed: '已办结',
} as const;
export type SupervisionNoticeStatus = keyof typeof SUPERVISION_NOTICE_STATUSES;

export type SupervisionNoticeActor = 'office' | 'body';
export type SupervisionNoticeTransition = {
  zh: string;
  en: string;
  from: readonly SupervisionNoticeStatus[];
  to: SupervisionNoticeStatus;
  by: SupervisionNoticeActor;
};

export const SUPERVISION_NOTICE_TRANSITIONS = {
  respond: { zh: '反馈整改情况', en: 'Respond', from: ['issued', 'responded'], to: 'responded', by: 'body' },
  extend: { zh: '延长反馈期限', en: 'Extend deadline', from: ['issued'], to: 'issued', by: 'office' },
  close: { zh: '确认整改并办结', en: 'Close', from: ['responded'], to: 'closed', by: 'office' },
  escalate: {
    zh: '升级处理（决定书/报政府）',
    en: 'Escalate',
    from: ['issued', 'responded'],
    to: 'escalated',
    by: 'office',
  },
} as const satisfies Record<string, SupervisionNoticeTransition>;
export type SupervisionNoticeAction = keyof typeof SUPERVISION_NOTICE_TRANSITIONS;

export function supervisionNoticeActions(
  status: SupervisionNoticeStatus,
  actor: SupervisionNoticeActor,
): SupervisionNoticeAction[] {
  return (Object.keys(SUPERVISION_NOTICE_TRANSITIONS) as SupervisionNoticeAction[]).filter((a) => {
    const t: SupervisionNoticeTransition = SUPERVISION_NOTICE_TRANSITIONS[a];
    return t.by === actor && t.from.includes(status);
  });
}

/**
 * 问题线索 / 投诉举报 handling: OPEN ─▶ ASSIGNED (交办) ─▶ CONFIRMED (查实, a problem) ─▶ RECTIFIED
 *                                       └▶ DISMISSED (不属实)
 */
export const SUPERVISION_PROBLEM_STATUSES = {
  open: '待核查',
  assigned: '已交办',
  confirmed: '已查实',
  rectified: '已整改',
  dismissed: '不属实',
} as const;
export type SupervisionProblemStatus = keyof typeof SUPERVISION_PROBLEM_STATUSES;
export const SUPERVISION_PROBLEM_TRANSITIONS: Record<
  SupervisionProblemStatus,
  readonly SupervisionProblemStatus[]
> = {
  open: ['assigned', 'confirmed', 'dismissed'],
  assigned: ['confirmed', 'dismissed'],
  confirmed: ['rectified'],
  rectified: [],
  dismissed: [],
};

export const SUPERVISION_CHECK_KINDS = {
  routine: '日常检查',
  special: '专项检查',
  accompanying: '伴随式监督',
} as const;
export const SUPERVISION_PROBLEM_SOURCES = {
  check: '监督检查发现',
  complaint: '投诉举报',
  referral: '移送交办',
  other: '其他',
} as const;
export const SUPERVISION_NOTICE_KINDS = {
  opinion: '行政执法监督意见书',
  decision: '行政执法监督决定书',
} as const;
/** Staff-level measures (河南省行政执法条例 第四十五条) and organ-level ones (第四十四条). */
export const ACCOUNTABILITY_MEASURES = {
  criticism: '批评教育',
  retraining: '离岗培训',
  transfer: '调离执法岗位',
  disqualification: '取消行政执法资格',
  discipline: '处分',
  circular: '通报批评',
} as const;
