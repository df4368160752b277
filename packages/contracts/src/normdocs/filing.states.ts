/**
 * 备案 sub-machine (DOMAIN.md §1.3 "Filing sub-machine"), one per recipient, as data shared by server and web:
 *   DUE ─▶ SUBMITTED ─▶ {REGISTERED | SUSPENDED_FOR_SUPPLEMENT ─▶ SUBMITTED | NOT_ACCEPTED}
 *   REGISTERED ─▶ UNDER_REVIEW ─▶ {PASSED | OPINION_ISSUED ─▶ CORRECTED / REVOKED}
 * "有件必备、有备必审、有错必纠": 法规规章备案审查条例 (2024) 第三条; 河南省实施监督法办法 第五十条.
 */
import { FILING_STATUSES, type FilingStatus } from './normdoc.labels';

/** Who acts: the filing organ (报备机关) or the receiving organ (备案审查机关, the justice bureau). */
export type FilingActor = 'filer' | 'receiver';

export type FilingTransition = {
  zh: string;
  en: string;
  from: readonly FilingStatus[];
  /** Possible targets; the service picks one from the input (registration result, review handling …). */
  to: readonly FilingStatus[];
  by: FilingActor;
};

export const FILING_TRANSITIONS = {
  submit: { zh: '报送备案', en: 'Submit', from: ['due'], to: ['submitted'], by: 'filer' },
  /** After 暂缓登记-补正: supplement the materials and submit again (规章: 条例 第九条, within 15 days). */
  resubmit: { zh: '补正后重新报送', en: 'Resubmit', from: ['suspended'], to: ['submitted'], by: 'filer' },
  /**
   * The filing organ reports that it corrected the document as the review opinion asked; the receiving
   * justice bureau then confirms (correction_result). For an external recipient the report closes the filing.
   */
  report_correction: {
    zh: '报告纠正情况',
    en: 'Report correction',
    from: ['opinion_issued'],
    to: ['opinion_issued', 'corrected'],
    by: 'filer',
  },
  /** Outcome of an external recipient (人大常委会, 上级主管部门, a recipient outside the system), as reported to the filer. */
  record_outcome: {
    zh: '登记备案结果',
    en: 'Record outcome',
    from: ['submitted', 'registered', 'under_review'],
    to: ['registered', 'suspended', 'not_accepted', 'passed', 'opinion_issued', 'revoked'],
    by: 'filer',
  },
  register: {
    zh: '备案登记',
    en: 'Register',
    from: ['submitted'],
    to: ['registered', 'suspended', 'not_accepted'],
    by: 'receiver',
  },
  assign: {
    zh: '分配审查人',
    en: 'Assign',
    from: ['submitted', 'registered', 'under_review'],
    to: ['submitted', 'under_review'],
    by: 'receiver',
  },
  review: {
    zh: '出具审查结论',
    en: 'Record review',
    from: ['registered', 'under_review'],
    to: ['passed', 'opinion_issued'],
    by: 'receiver',
  },
  correction_result: {
    zh: '登记纠正结果',
    en: 'Record correction result',
    from: ['opinion_issued'],
    to: ['corrected', 'revoked', 'opinion_issued'],
    by: 'receiver',
  },
} as const satisfies Record<string, FilingTransition>;
export type FilingAction = keyof typeof FILING_TRANSITIONS;
export const filingActionNames = Object.keys(FILING_TRANSITIONS) as FilingAction[];

/** Review-row statuses on the receiving side. */
export const FILING_REVIEW_STATUSES = {
  received: '待登记',
  assigned: '已分配',
  reviewed: '已审查',
  correcting: '纠正中',
  closed: '已办结',
} as const;
export type FilingReviewStatus = keyof typeof FILING_REVIEW_STATUSES;

/** Filing statuses in which the filing is finished (nothing more to do on either side). */
export const FILING_FINAL: readonly FilingStatus[] = ['not_accepted', 'passed', 'corrected', 'revoked'];

export function canFilingTransition(status: FilingStatus, action: FilingAction): boolean {
  return (FILING_TRANSITIONS[action].from as readonly FilingStatus[]).includes(status);
}

export function filingActionsFrom(status: FilingStatus, by?: FilingActor): FilingAction[] {
  return filingActionNames.filter(
    (a) => canFilingTransition(status, a) && (by === undefined || FILING_TRANSITIONS[a].by === by),
  );
}

/** Why an action is refused in a status, in Chinese; null when the table allows it. */
export function filingTransitionRefusal(status: FilingStatus, action: FilingAction): string | null {
  if (canFilingTransition(status, action)) return null;
  const t = FILING_TRANSITIONS[action];
  const from = t.from.map((s) => FILING_STATUSES[s]).join('、');
  return `备案当前状态为“${FILING_STATUSES[status]}”，不能${t.zh}（仅限：${from}）`;
}

/**
 * Receiving-side result on the filing from the review handling: 无问题 → 审查通过; 电话提醒/书面审查意见 →
 * 审查意见-自行纠正; 纠错通知 → 责令纠正; 提请撤销 → 撤销 (pending the superior organ's decision).
 */
export const HANDLING_REVIEW_RESULT = {
  no_issue: 'passed',
  phone_reminder: 'self_correct',
  written_opinion: 'self_correct',
  correction_notice: 'ordered_correct',
  revocation_proposal: 'revoked',
} as const;

/** Materials of a filing (河南省实施监督法办法 第五十二条: 备案报告, 正式文本, 说明和主要依据 + electronic text). */
export const FILING_MATERIALS = {
  report: '备案报告',
  official_text: '正式文本',
  explanation: '制定说明及依据',
  legality_opinion: '合法性审核意见',
  electronic_text: '电子文本',
} as const;
export type FilingMaterial = keyof typeof FILING_MATERIALS;
/** Materials every submission must include (备案报告, 正式文本, 制定说明). */
export const FILING_REQUIRED_MATERIALS: readonly FilingMaterial[] = [
  'report',
  'official_text',
  'explanation',
];
