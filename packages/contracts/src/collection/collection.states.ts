/**
 * 填报任务 lifecycle as data shared by server and web. A task is drafted, opened (one target per
 * organisation, each with a statutory clock) and closed; each organisation's target moves
 * pending → submitted → signed → accepted, or back to returned (with a reason) and submitted again.
 * Deadline context: 法治政府建设与责任落实督察工作规定（厅字〔2019〕28号）— 年度报告 3月1日前报送.
 */
export const COLLECTION_TASK_STATUSES = {
  draft: { zh: '草稿', en: 'Draft' },
  open: { zh: '填报中', en: 'Open' },
  closed: { zh: '已关闭', en: 'Closed' },
} as const;
export type CollectionTaskStatus = keyof typeof COLLECTION_TASK_STATUSES;
export const collectionTaskStatusNames = Object.keys(COLLECTION_TASK_STATUSES) as CollectionTaskStatus[];

export const COLLECTION_TARGET_STATUSES = {
  pending: { zh: '待填报', en: 'Pending' },
  submitted: { zh: '已提交待签批', en: 'Submitted' },
  signed: { zh: '负责人已签批', en: 'Signed off' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
} as const;
export type CollectionTargetStatus = keyof typeof COLLECTION_TARGET_STATUSES;
export const collectionTargetStatusNames = Object.keys(
  COLLECTION_TARGET_STATUSES,
) as CollectionTargetStatus[];

/** Who acts: the reporting unit's staff (填报人), its head (单位负责人), or the justice bureau (司法局). */
export type CollectionActor = 'filler' | 'head' | 'bureau';

export const COLLECTION_TARGET_TRANSITIONS = {
  submit: {
    zh: '提交',
    en: 'Submit',
    from: ['pending', 'returned'],
    to: 'submitted',
    by: 'filler',
  },
  signoff: { zh: '负责人签批', en: 'Sign off', from: ['submitted'], to: 'signed', by: 'head' },
  accept: { zh: '采纳', en: 'Accept', from: ['signed'], to: 'accepted', by: 'bureau' },
  /** From pending too: after the deadline, returning a target is how the bureau allows a late submission. */
  return: {
    zh: '退回',
    en: 'Return',
    from: ['pending', 'submitted', 'signed'],
    to: 'returned',
    by: 'bureau',
  },
} as const satisfies Record<
  string,
  {
    zh: string;
    en: string;
    from: readonly CollectionTargetStatus[];
    to: CollectionTargetStatus;
    by: CollectionActor;
  }
>;
export type CollectionTargetAction = keyof typeof COLLECTION_TARGET_TRANSITIONS;
export const collectionTargetActionNames = Object.keys(
  COLLECTION_TARGET_TRANSITIONS,
) as CollectionTargetAction[];

/** Statuses in which the organisation may edit values, narratives and evidence. */
export const COLLECTION_EDITABLE: readonly CollectionTargetStatus[] = ['pending', 'returned'];

export function collectionTargetActionsFrom(status: CollectionTargetStatus): CollectionTargetAction[] {
  return collectionTargetActionNames.filter((a) =>
    (COLLECTION_TARGET_TRANSITIONS[a].from as readonly string[]).includes(status),
  );
}

/**
 * Narrative sections an organisation writes, following the report outline (DOMAIN.md §10.1: 主要做法和成效 by
 * area — the groups of INDICATORS.md —, 存在的不足, 第一责任人职责, 下一年度打算, 其他事项).
 */
export const COLLECTION_SECTIONS = {
  g1: { zh: '加强党的领导，完善法治政府建设推进机制', en: 'Leadership' },
  g2: { zh: '依法全面履行政府职能，优化政务服务', en: 'Government functions and services' },
  g3: { zh: '健全依法行政制度体系（规范性文件）', en: 'Rule system and normative documents' },
  g4: { zh: '健全行政决策制度体系（依法决策、合法性审查、法律顾问）', en: 'Decision-making' },
  g5: { zh: '严格规范公正文明执法', en: 'Administrative enforcement' },
  g6: { zh: '健全突发事件应对体系', en: 'Emergencies' },
  g7: { zh: '预防调处化解社会矛盾纠纷（复议、应诉、调解、信访）', en: 'Dispute resolution' },
  g8: { zh: '健全行政权力制约和监督体系', en: 'Oversight' },
  g9: { zh: '数字法治政府建设', en: 'Digital government' },
  first_responsible: {
    zh: '党政主要负责人履行推进法治建设第一责任人职责情况',
    en: 'First-person responsibility',
  },
  problems: { zh: '存在的不足和原因', en: 'Shortcomings and causes' },
  next_year: { zh: '下一年度推进法治政府建设的主要安排', en: 'Plans for next year' },
  other: { zh: '其他需要报告的事项', en: 'Other matters' },
} as const;
export type CollectionSection = keyof typeof COLLECTION_SECTIONS;
export const collectionSectionNames = Object.keys(COLLECTION_SECTIONS) as CollectionSection[];

/** Organisation types of "all departments and townships of the region". */
export const COLLECTION_TARGET_ORG_TYPES = ['department', 'justice_bureau', 'township'] as const;
