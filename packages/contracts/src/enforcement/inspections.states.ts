/**
 * 检查计划 (inspection plan) states as data. Annual plans are filed (备案) with, special plans (专项检查) approved
 * by, the county-level-or-above government before they are carried out — 国办发〔2024〕54号 as summarised in
 * DOMAIN.md §4.5 ("经…批准后备案"; R3 "建立行政检查计划备案机制").
 *   draft ─submit─▶ submitted ─accept─▶ accepted (备案/批准) | ─return─▶ returned ─submit─▶ submitted
 */
export const INSPECTION_PLAN_STATUSES = {
  draft: '草稿',
  submitted: '已报送',
  accepted: '已备案（批准）',
  returned: '已退回',
} as const;
export type InspectionPlanStatus = keyof typeof INSPECTION_PLAN_STATUSES;

export const INSPECTION_PLAN_TRANSITIONS = {
  submit: { zh: '报送备案/审批', en: 'Submit', from: ['draft', 'returned'], to: 'submitted', by: 'body' },
  accept: { zh: '同意备案/批准', en: 'Accept', from: ['submitted'], to: 'accepted', by: 'supervisor' },
  return: { zh: '退回修改', en: 'Return', from: ['submitted'], to: 'returned', by: 'supervisor' },
} as const satisfies Record<
  string,
  {
    zh: string;
    en: string;
    from: readonly InspectionPlanStatus[];
    to: InspectionPlanStatus;
    by: 'body' | 'supervisor';
  }
>;
export type InspectionPlanAction = keyof typeof INSPECTION_PLAN_TRANSITIONS;

export const INSPECTION_PLAN_KINDS = { annual: '年度检查计划', special: '专项检查计划' } as const;
export const INSPECTION_METHODS = { onsite: '现场检查', offsite: '非现场检查' } as const;
export const INSPECTION_CATEGORIES = { routine: '日常检查', special: '专项检查', case: '个案检查' } as const;
export const INSPECTION_RESULTS = {
  no_problem: '未发现问题',
  rectify: '责令改正',
  case_filed: '立案查处',
} as const;
