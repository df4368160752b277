/**
 * Roles and permissions. The three separated administrators of a classified-protection system
 * (等保 三员分立: 系统管理员 / 安全管理员 / 审计管理员) never hold each other's permissions, and none of
 * them holds a business-data permission. GB/T 22239-2019 8.1.4.2 (三权分立的管理用户).
 */
export const ROLES = {
  sysadmin: { zh: '系统管理员', en: 'System administrator', admin: true },
  secadmin: { zh: '安全管理员', en: 'Security administrator', admin: true },
  auditadmin: { zh: '审计管理员', en: 'Audit administrator', admin: true },
  reviewer: { zh: '司法局审核员', en: 'Justice-bureau reviewer', admin: false },
  supervisor: { zh: '司法局监督员', en: 'Justice-bureau supervisor', admin: false },
  staff: { zh: '经办人', en: 'Unit staff', admin: false },
  head: { zh: '单位负责人', en: 'Unit head', admin: false },
  leader: { zh: '领导（只读）', en: 'Leader (read-only)', admin: false },
} as const;
export type Role = keyof typeof ROLES;
export const roleNames = Object.keys(ROLES) as Role[];
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditadmin'];
export const BUSINESS_ROLES: readonly Role[] = ['reviewer', 'supervisor', 'staff', 'head', 'leader'];

/**
 * Role sets that may not be combined: any two admin roles, or an admin role with a business role.
 */
export function violatesSeparation(roles: readonly Role[]): boolean {
  const admins = roles.filter((r) => ADMIN_ROLES.includes(r));
  return admins.length > 1 || (admins.length === 1 && roles.length > 1);
}

/** How far a role sees: its own organisation, or its organisation's region and every region below. */
export type Scope = 'own_org' | 'region_tree';
export const ROLE_SCOPE: Record<Role, Scope> = {
  sysadmin: 'region_tree',
  secadmin: 'region_tree',
  auditadmin: 'region_tree',
  reviewer: 'region_tree',
  supervisor: 'region_tree',
  staff: 'own_org',
  head: 'own_org',
  leader: 'region_tree',
};

export const PERMISSIONS = {
  // platform administration (系统管理员)
  'region.read': ['sysadmin', 'reviewer', 'supervisor', 'staff', 'head', 'leader', 'secadmin', 'auditadmin'],
  'region.write': ['sysadmin'],
  'org.read': ['sysadmin', 'secadmin', 'auditadmin', 'reviewer', 'supervisor', 'staff', 'head', 'leader'],
  'org.write': ['sysadmin'],
  'org.import': ['sysadmin'],
  'user.read': ['sysadmin', 'secadmin'],
  'user.write': ['sysadmin'],
  'user.import': ['sysadmin'],
  'calendar.write': ['sysadmin'],
  'system.backup': ['sysadmin'],
  // security (安全管理员)
  'user.roles.assign': ['secadmin'],
  'user.unlock': ['secadmin'],
  'user.password.reset': ['secadmin'],
  'user.sensitive.read': ['secadmin'],
  'security.settings': ['secadmin'],
  // audit (审计管理员)
  'audit.read': ['auditadmin'],
  'audit.verify': ['auditadmin'],
  // everybody signed in
  'calendar.read': [
    'sysadmin',
    'secadmin',
    'auditadmin',
    'reviewer',
    'supervisor',
    'staff',
    'head',
    'leader',
  ],
  'notification.own': [
    'sysadmin',
    'secadmin',
    'auditadmin',
    'reviewer',
    'supervisor',
    'staff',
    'head',
    'leader',
  ],
  // statutory clocks (期限台账): the first business records, used by every later module
  'clock.read': ['reviewer', 'supervisor', 'staff', 'head', 'leader'],
  'clock.write': ['staff', 'head', 'reviewer'],
  // 行政规范性文件 (normative documents)
  'normdoc.read': ['reviewer', 'supervisor', 'staff', 'head', 'leader'],
  /** 起草单位: drafts, comment periods, submission, publication, filing submission, register import of own org. */
  'normdoc.draft': ['staff', 'head'],
  /** 集体审议 and 签发 are recorded by the issuing organ's head. */
  'normdoc.sign': ['head'],
  /** 司法局: legality review, 三统一 registration, receiving-side filing review, 认定未备案, clean-up campaigns. */
  'normdoc.review': ['reviewer'],
  /** Per-jurisdiction settings: numbering template, filing deadlines, comment period, validity. */
  'normdoc.settings': ['reviewer'],
  'normdoc.figures': ['reviewer', 'supervisor', 'head', 'leader'],
  // indicators, data collection (填报) and the annual report (法治政府建设年度报告)
  'indicator.read': ['reviewer', 'supervisor', 'staff', 'head', 'leader'],
  /** Local indicators, indicator systems, confirming values imported from published reports. */
  'indicator.manage': ['reviewer'],
  'dashboard.read': ['reviewer', 'supervisor', 'head', 'leader'],
  /** The justice bureau creates 填报 tasks and accepts or returns submissions. */
  'collection.manage': ['reviewer'],
  'collection.fill': ['staff', 'head'],
  /** The unit head signs off the organisation's submission. */
  'collection.signoff': ['head'],
  'report.read': ['reviewer', 'supervisor', 'staff', 'head', 'leader'],
  'report.edit': ['reviewer', 'staff'],
  /** Principal heads sign the report; the head records the secrecy review and publication. */
  'report.approve': ['head'],
  'report.publish': ['reviewer', 'head'],
  // 行政执法监督 (enforcement supervision)
  'enforcement.read': ['reviewer', 'supervisor', 'staff', 'head', 'leader'],
  /** An enforcement body's own records: officers' training, inspection plans, inspections, lenient-list cases. */
  'enforcement.body': ['staff', 'head'],
  /** The justice bureau's 行政执法协调监督 office: bodies, certificates, evaluations, supervision notices. */
  'enforcement.supervise': ['supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;
export const permissionNames = Object.keys(PERMISSIONS) as Permission[];

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return permissionNames.filter((p) => rolesHave(roles, p));
}
