/**
 * 执法主体 confirmation and announcement (DOMAIN.md §4.1), as data shared by server and web:
 *   DRAFT 登记 ─▶ CONFIRMED 确认 ─▶ ANNOUNCED 公告 ─(机构改革、职权调整)─▶ ADJUSTED 调整 ─▶ CONFIRMED ─▶ ANNOUNCED
 *   any ─▶ CANCELLED 撤销
 * 河南省行政执法条例 第十三条: 执法主体资格由同级人民政府确认并向社会公告; 第十四条: 委托的, 委托机关应当将受委托组织
 * 和委托事项向社会公布.
 */
export const BODY_KINDS = {
  administrative_organ: '行政机关',
  authorised_organisation: '法律法规授权组织',
  entrusted_organisation: '受委托组织',
} as const;
export type BodyKind = keyof typeof BODY_KINDS;

/** 执法领域 offered by the forms (free text allowed). */
export const ENFORCEMENT_FIELDS = [
  '市场监管',
  '城市管理',
  '应急管理',
  '综合行政执法',
  '农业',
  '交通运输',
  '生态环境',
  '文化市场',
  '自然资源',
  '卫生健康',
  '人力资源社会保障',
] as const;

/** 权责清单 categories of a power. */
export const POWER_CATEGORIES = {
  penalty: '行政处罚',
  coercion: '行政强制',
  inspection: '行政检查',
  licensing: '行政许可',
  collection: '行政征收',
  other: '其他行政权力',
} as const;
export type PowerCategory = keyof typeof POWER_CATEGORIES;

export const BODY_STATUSES = {
  draft: '待确认',
  confirmed: '已确认',
  announced: '已公告',
  adjusted: '已调整待公告',
  cancelled: '已撤销',
} as const;
export type BodyStatus = keyof typeof BODY_STATUSES;

export type BodyTransition = { zh: string; en: string; from: readonly BodyStatus[]; to: BodyStatus };

export const BODY_TRANSITIONS = {
  confirm: { zh: '确认主体资格', en: 'Confirm', from: ['draft', 'adjusted'], to: 'confirmed' },
  announce: { zh: '公告', en: 'Announce', from: ['confirmed'], to: 'announced' },
  cancel: {
    zh: '撤销主体资格',
    en: 'Cancel',
    from: ['draft', 'confirmed', 'announced', 'adjusted'],
    to: 'cancelled',
  },
} as const satisfies Record<string, BodyTransition>;
export type BodyAction = keyof typeof BODY_TRANSITIONS;
export const bodyActionNames = Object.keys(BODY_TRANSITIONS) as BodyAction[];

export function canBodyTransition(status: BodyStatus, action: BodyAction): boolean {
  return (BODY_TRANSITIONS[action].from as readonly BodyStatus[]).includes(status);
}

export function bodyActionsFrom(status: BodyStatus): BodyAction[] {
  return bodyActionNames.filter((a) => canBodyTransition(status, a));
}

export function bodyTransitionRefusal(status: BodyStatus, action: BodyAction): string | null {
  if (canBodyTransition(status, action)) return null;
  const t = BODY_TRANSITIONS[action];
  return `执法主体当前状态为“${BODY_STATUSES[status]}”，不能${t.zh}（仅限：${t.from.map((s) => BODY_STATUSES[s]).join('、')}）`;
}
