/**
 * 行政规范性文件 lifecycle (DOMAIN.md §1.3) as data shared by server and web.
 * 国办发〔2018〕37号; 河南省行政规范性文件管理办法 (省政府令第226号); 河南省行政合法性审查工作规定 (省政府令第219号).
 */
export const NORMDOC_STATUSES = {
  drafting: { zh: '起草', en: 'Drafting' },
  assessment: { zh: '评估论证', en: 'Assessment' },
  public_comment: { zh: '公开征求意见', en: 'Public comment' },
  fair_competition_review: { zh: '公平竞争审查', en: 'Fair-competition review' },
  submitted: { zh: '送审', en: 'Submitted for review' },
  returned: { zh: '退回补充材料', en: 'Returned for materials' },
  legality_review: { zh: '合法性审核', en: 'Legality review' },
  review_passed: { zh: '审核通过待审议', en: 'Review passed' },
  review_failed: { zh: '审核不通过', en: 'Review failed' },
  adopted: { zh: '审议通过', en: 'Adopted' },
  signed: { zh: '已签发', en: 'Signed' },
  registered: { zh: '已登记编号', en: 'Registered' },
  published: { zh: '已公布', en: 'Published' },
  in_force: { zh: '现行有效', en: 'In force' },
  amended: { zh: '已修改', en: 'Amended' },
  repealed: { zh: '已废止', en: 'Repealed' },
  declared_invalid: { zh: '已宣布失效', en: 'Declared invalid' },
  expired: { zh: '有效期届满', en: 'Expired' },
  removed_from_catalog: { zh: '已剔除目录', en: 'Removed from catalogue' },
  not_normative: { zh: '不属于规范性文件', en: 'Not a normative document' },
  abandoned: { zh: '已终止', en: 'Abandoned' },
} as const;
export type NormdocStatus = keyof typeof NORMDOC_STATUSES;
export const normdocStatusNames = Object.keys(NORMDOC_STATUSES) as NormdocStatus[];

/** Statuses in which a document is part of the 现行有效目录 (public catalogue, clean-up worklists). */
export const NORMDOC_IN_FORCE: readonly NormdocStatus[] = ['published', 'in_force'];
/** Statuses after publication: the document was issued and must be filed (有件必备). */
export const NORMDOC_ISSUED: readonly NormdocStatus[] = [
  'published',
  'in_force',
  'amended',
  'repealed',
  'declared_invalid',
  'expired',
  'removed_from_catalog',
];

/** Who acts: the drafting unit (起草单位), the legality-review body (合法性审核机构 at the justice bureau), or the issuing organ's head. */
export type NormdocActor = 'drafter' | 'reviewer' | 'head';

export type NormdocTransition = {
  zh: string;
  en: string;
  from: readonly NormdocStatus[];
  /** Possible targets; the service picks one from the input (e.g. the legality opinion). */
  to: readonly NormdocStatus[];
  by: NormdocActor;
};

export const NORMDOC_TRANSITIONS = {
  start_assessment: {
    zh: '开始评估论证',
    en: 'Start assessment',
    from: ['drafting'],
    to: ['assessment'],
    by: 'drafter',
  },
  finish_assessment: {
    zh: '完成评估论证',
    en: 'Finish assessment',
    from: ['assessment'],
    to: ['drafting'],
    by: 'drafter',
  },
  open_comment: {
    zh: '公开征求意见',
    en: 'Open public comment',
    from: ['drafting', 'assessment'],
    to: ['public_comment'],
    by: 'drafter',
  },
  close_comment: {
    zh: '结束征求意见',
    en: 'Close public comment',
    from: ['public_comment'],
    to: ['drafting'],
    by: 'drafter',
  },
  start_fair_competition: {
    zh: '开始公平竞争审查',
    en: 'Start fair-competition review',
    from: ['drafting'],
    to: ['fair_competition_review'],
    by: 'drafter',
  },
  finish_fair_competition: {
    zh: '完成公平竞争审查',
    en: 'Finish fair-competition review',
    from: ['fair_competition_review'],
    to: ['drafting'],
    by: 'drafter',
  },
  submit: {
    zh: '送审',
    en: 'Submit for review',
    from: ['drafting', 'returned'],
    to: ['submitted'],
    by: 'drafter',
  },
  return_for_materials: {
    zh: '退回补充材料',
    en: 'Return for materials',
    from: ['submitted'],
    to: ['returned'],
    by: 'reviewer',
  },
  accept_review: {
    zh: '受理合法性审核',
    en: 'Accept for legality review',
    from: ['submitted'],
    to: ['legality_review'],
    by: 'reviewer',
  },
  record_opinion: {
    zh: '出具合法性审核意见',
    en: 'Record legality opinion',
    from: ['legality_review'],
    to: ['review_passed', 'review_failed', 'not_normative'],
    by: 'reviewer',
  },
  revise: { zh: '修改后重新起草', en: 'Revise', from: ['review_failed'], to: ['drafting'], by: 'drafter' },
  deliberate: {
    zh: '记录集体审议',
    en: 'Record deliberation',
    from: ['review_passed'],
    to: ['adopted', 'drafting'],
    by: 'head',
  },
  sign: { zh: '签发', en: 'Sign', from: ['adopted'], to: ['signed'], by: 'head' },
  register: {
    zh: '统一登记编号',
    en: 'Register and number',
    from: ['signed'],
    to: ['registered'],
    by: 'reviewer',
  },
  /** In force at once when the effective date has come; otherwise published until 施行. */
  publish: { zh: '公布', en: 'Publish', from: ['registered'], to: ['published', 'in_force'], by: 'drafter' },
  take_effect: { zh: '施行', en: 'Take effect', from: ['published'], to: ['in_force'], by: 'drafter' },
  amend: {
    zh: '修改（新版本）',
    en: 'Amend (new version)',
    from: ['published', 'in_force'],
    to: ['amended'],
    by: 'drafter',
  },
  repeal: { zh: '废止', en: 'Repeal', from: ['published', 'in_force'], to: ['repealed'], by: 'drafter' },
  declare_invalid: {
    zh: '宣布失效',
    en: 'Declare invalid',
    from: ['published', 'in_force'],
    to: ['declared_invalid'],
    by: 'drafter',
  },
  expire: { zh: '有效期届满', en: 'Expire', from: ['published', 'in_force'], to: ['expired'], by: 'drafter' },
  remove_from_catalog: {
    zh: '剔除目录',
    en: 'Remove from catalogue',
    from: ['published', 'in_force'],
    to: ['removed_from_catalog'],
    by: 'reviewer',
  },
  abandon: {
    zh: '终止起草',
    en: 'Abandon',
    from: ['drafting', 'assessment', 'returned', 'review_failed'],
    to: ['abandoned'],
    by: 'drafter',
  },
} as const satisfies Record<string, NormdocTransition>;
export type NormdocAction = keyof typeof NORMDOC_TRANSITIONS;
export const normdocActionNames = Object.keys(NORMDOC_TRANSITIONS) as NormdocAction[];

/** Actions that end a document's force; used by clean-up results and the expiry job. */
export const NORMDOC_ENDING_ACTIONS = [
  'amend',
  'repeal',
  'declare_invalid',
  'expire',
  'remove_from_catalog',
] as const;

export function canTransition(status: NormdocStatus, action: NormdocAction): boolean {
  return (NORMDOC_TRANSITIONS[action].from as readonly NormdocStatus[]).includes(status);
}

export function actionsFrom(status: NormdocStatus): NormdocAction[] {
  return normdocActionNames.filter((a) => canTransition(status, a));
}

/** Why an action is refused in a status, in Chinese; null when the table allows it. */
export function normdocTransitionRefusal(status: NormdocStatus, action: NormdocAction): string | null {
  if (canTransition(status, action)) return null;
  const t = NORMDOC_TRANSITIONS[action];
  const from = t.from.map((s) => NORMDOC_STATUSES[s].zh).join('、');
  return `文件当前状态为“${NORMDOC_STATUSES[status].zh}”，不能${t.zh}（仅限：${from}）`;
}

/**
 * Blocking gates (DOMAIN.md §1.3 mandatory steps). The server checks them against the records, not only
 * the status; each failure is a 409 with its own code.
 */
export const NORMDOC_GATES = {
  /** 国办发〔2018〕37号 (六); 河南省行政合法性审查工作规定 第三条、第四条. */
  legality_before_deliberation: {
    code: 'GATE_LEGALITY_REVIEW',
    zh: '未经合法性审核或者经审核不合法的，不得提交集体审议',
  },
  deliberation_before_registration: {
    code: 'GATE_DELIBERATION',
    zh: '未经集体审议通过并签发的文件不能统一登记编号',
  },
  /** 国办发〔2018〕37号 (五) (FROM MEMORY): public comment for documents concerning the public's vital interests. */
  comment_when_public_interest: {
    code: 'GATE_PUBLIC_COMMENT',
    zh: '涉及群众切身利益的规范性文件必须公开征求意见（征求意见期届满并说明采纳情况）后方可送审',
  },
  /** 公平竞争审查条例 (国务院令第783号). */
  fair_competition_when_market: {
    code: 'GATE_FAIR_COMPETITION',
    zh: '涉及经营主体经济活动的文件须先完成公平竞争审查后方可送审',
  },
  /** 三统一: 统一登记、统一编号、统一印发 before publication. */
  registration_before_publication: {
    code: 'GATE_REGISTRATION',
    zh: '未统一登记编号的文件不得公布',
  },
} as const;

/**
 * Each actor's actions go through their own route, so the route's declared permission is the one the action
 * needs: POST /api/normdocs/:id/<segment>.
 */
export const NORMDOC_ACTOR_ROUTE: Record<NormdocActor, { segment: string; permission: string }> = {
  drafter: { segment: 'transitions', permission: 'normdoc.draft' },
  reviewer: { segment: 'review-transitions', permission: 'normdoc.review' },
  head: { segment: 'head-transitions', permission: 'normdoc.sign' },
};

/** The API path of an action on a document. */
export function normdocTransitionPath(docId: string, action: NormdocAction): string {
  return `/api/normdocs/${docId}/${NORMDOC_ACTOR_ROUTE[NORMDOC_TRANSITIONS[action].by].segment}`;
}
