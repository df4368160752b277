/**
 * Certificate lifecycle of 行政执法证 / 行政执法监督证 (DOMAIN.md §4.2), as data shared by server and web:
 *   APPLIED 申领 ─▶ APPROVED 审核 ─▶ ACTIVE 发证 ─(年审)─▶ ACTIVE | SUSPENDED 暂扣 ─(恢复)─▶ ACTIVE
 *   ACTIVE ─▶ RENEWED 换发 (a new certificate with a new number and period) | CANCELLED 注销 | REVOKED 吊销
 * 河南省行政执法条例 第二十条 (eligibility), 第二十一条 (certificate before enforcing), 第四十五、四十七条
 * (暂扣 / 取消执法资格); 河南省行政执法证件管理办法 (省政府令第180号). Every action carries the day it took effect,
 * so "was this certificate valid on that day?" has an answer.
 */
export const CERTIFICATE_KINDS = { enforcement: '行政执法证', supervision: '行政执法监督证' } as const;
export type CertificateKind = keyof typeof CERTIFICATE_KINDS;

export const CERTIFICATE_STATUSES = {
  applied: '已申领',
  approved: '审核通过',
  rejected: '审核未通过',
  active: '有效',
  suspended: '暂扣',
  renewed: '已换发',
  cancelled: '已注销',
  revoked: '已吊销',
} as const;
export type CertificateStatus = keyof typeof CERTIFICATE_STATUSES;

/** 年审 results. */
export const ANNUAL_REVIEW_RESULTS = { pass: '合格', fail: '不合格', deferred: '暂缓' } as const;
export type AnnualReviewResult = keyof typeof ANNUAL_REVIEW_RESULTS;

/** Who acts: the enforcement body (applies for its officers) or the justice bureau (审核, 发证, 年审 …). */
export type CertificateActor = 'body' | 'supervisor';

export type CertificateTransition = {
  zh: string;
  en: string;
  from: readonly CertificateStatus[];
  to: readonly CertificateStatus[];
  by: CertificateActor;
};

export const CERTIFICATE_TRANSITIONS = {
  approve: { zh: '审核通过', en: 'Approve', from: ['applied'], to: ['approved'], by: 'supervisor' },
  reject: { zh: '审核不通过', en: 'Reject', from: ['applied'], to: ['rejected'], by: 'supervisor' },
  issue: { zh: '发证', en: 'Issue', from: ['approved'], to: ['active'], by: 'supervisor' },
  /** 年审: 合格/暂缓 keeps the certificate active; 不合格 suspends it from that day. */
  annual_review: {
    zh: '年审',
    en: 'Annual review',
    from: ['active'],
    to: ['active', 'suspended'],
    by: 'supervisor',
  },
  suspend: { zh: '暂扣', en: 'Suspend', from: ['active'], to: ['suspended'], by: 'supervisor' },
  restore: { zh: '恢复', en: 'Restore', from: ['suspended'], to: ['active'], by: 'supervisor' },
  renew: { zh: '换发', en: 'Renew', from: ['active'], to: ['renewed'], by: 'supervisor' },
  cancel: {
    zh: '注销',
    en: 'Cancel',
    from: ['approved', 'active', 'suspended'],
    to: ['cancelled'],
    by: 'supervisor',
  },
  revoke: { zh: '吊销', en: 'Revoke', from: ['active', 'suspended'], to: ['revoked'], by: 'supervisor' },
} as const satisfies Record<string, CertificateTransition>;
export type CertificateAction = keyof typeof CERTIFICATE_TRANSITIONS;
export const certificateActionNames = Object.keys(CERTIFICATE_TRANSITIONS) as CertificateAction[];

/** Event labels of the dated history (申领 is the creation, not a transition). */
export const CERTIFICATE_EVENT_LABELS: Record<CertificateAction | 'apply' | 'import', string> = {
  apply: '申领',
  import: '导入',
  ...Object.fromEntries(certificateActionNames.map((a) => [a, CERTIFICATE_TRANSITIONS[a].zh])),
} as Record<CertificateAction | 'apply' | 'import', string>;

export function canCertificateTransition(status: CertificateStatus, action: CertificateAction): boolean {
  return (CERTIFICATE_TRANSITIONS[action].from as readonly CertificateStatus[]).includes(status);
}

export function certificateActionsFrom(
  status: CertificateStatus,
  by?: CertificateActor,
): CertificateAction[] {
  return certificateActionNames.filter(
    (a) => canCertificateTransition(status, a) && (by === undefined || CERTIFICATE_TRANSITIONS[a].by === by),
  );
}

/** Why an action is refused in a status, in Chinese; null when the table allows it. */
export function certificateTransitionRefusal(
  status: CertificateStatus,
  action: CertificateAction,
): string | null {
  if (canCertificateTransition(status, action)) return null;
  const t = CERTIFICATE_TRANSITIONS[action];
  const from = t.from.map((s) => CERTIFICATE_STATUSES[s]).join('、');
  return `证件当前状态为“${CERTIFICATE_STATUSES[status]}”，不能${t.zh}（仅限：${from}）`;
}

/** Statuses in which a certificate no longer runs (its period counts up to `endedOn`). */
export const CERTIFICATE_ENDED: readonly CertificateStatus[] = [
  'rejected',
  'renewed',
  'cancelled',
  'revoked',
];
