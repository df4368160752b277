import type { OrgType, RegionLevel, Role } from '@fazhi/contracts';

/**
 * Demo jurisdictions: the four Henan cities of the reference reports with their real GB/T 2260 codes
 * (DOMAIN.md §11.1). Township codes are 9-digit 统计用区划代码 chosen for the demo.
 */
export const DEMO_REGIONS: { code: string; name: string; level: RegionLevel; parent: string | null }[] = [
  { code: '410000', name: '河南省', level: 'province', parent: null },
  { code: '411200', name: '三门峡市', level: 'prefecture', parent: '410000' },
  { code: '411202', name: '湖滨区', level: 'county', parent: '411200' },
  { code: '411203', name: '陕州区', level: 'county', parent: '411200' },
  { code: '411203100', name: '大营镇', level: 'township', parent: '411203' },
  { code: '411203101', name: '原店镇', level: 'township', parent: '411203' },
  { code: '410400', name: '平顶山市', level: 'prefecture', parent: '410000' },
  { code: '410411', name: '湛河区', level: 'county', parent: '410400' },
  { code: '410411001', name: '马庄街道', level: 'township', parent: '410411' },
  { code: '410700', name: '新乡市', level: 'prefecture', parent: '410000' },
  { code: '410702', name: '红旗区', level: 'county', parent: '410700' },
  { code: '419001', name: '济源市', level: 'county', parent: '410000' },
  { code: '419001001', name: '沁园街道', level: 'township', parent: '419001' },
];

export type DemoOrg = {
  key: string;
  name: string;
  type: OrgType;
  region: string;
  parent?: string;
  docCodePrefix?: string;
  enforcement?: boolean;
  reconsideration?: boolean;
};

const cityOrgs = (p: string, region: string, city: string, docPrefix: string): DemoOrg[] => [
  {
    key: `${p}.gov`,
    name: `${city}人民政府`,
    type: 'government',
    region,
    docCodePrefix: docPrefix,
    reconsideration: true,
  },
  {
    key: `${p}.sfj`,
    name: `${city}司法局`,
    type: 'justice_bureau',
    region,
    parent: `${p}.gov`,
    docCodePrefix: `${docPrefix.slice(0, 1)}司`,
  },
  {
    key: `${p}.scj`,
    name: `${city}市场监督管理局`,
    type: 'department',
    region,
    parent: `${p}.gov`,
    docCodePrefix: `${docPrefix.slice(0, 1)}市监`,
    enforcement: true,
  },
  {
    key: `${p}.cgj`,
    name: `${city}城市管理局`,
    type: 'department',
    region,
    parent: `${p}.gov`,
    docCodePrefix: `${docPrefix.slice(0, 1)}城管`,
    enforcement: true,
  },
  {
    key: `${p}.sthj`,
    name: `${city}生态环境局`,
    type: 'department',
    region,
    parent: `${p}.gov`,
    enforcement: true,
  },
  { key: `${p}.rd`, name: `${city}人大常委会`, type: 'npc_standing', region },
];

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'ha.gov', name: '河南省人民政府', type: 'government', region: '410000', docCodePrefix: '豫政' },
  {
    key: 'ha.sft',
    name: '河南省司法厅',
    type: 'justice_bureau',
    region: '410000',
    parent: 'ha.gov',
    docCodePrefix: '豫司',
  },
  ...cityOrgs('smx', '411200', '三门峡市', '三政'),
  ...cityOrgs('sz', '411203', '三门峡市陕州区', '陕政'),
  {
    key: 'hb.gov',
    name: '三门峡市湖滨区人民政府',
    type: 'government',
    region: '411202',
    docCodePrefix: '湖政',
  },
  {
    key: 'sz.dy',
    name: '陕州区大营镇人民政府',
    type: 'township',
    region: '411203100',
    parent: 'sz.gov',
    enforcement: true,
  },
  {
    key: 'sz.yd',
    name: '陕州区原店镇人民政府',
    type: 'township',
    region: '411203101',
    parent: 'sz.gov',
    enforcement: true,
  },
  ...cityOrgs('pds', '410400', '平顶山市', '平政'),
  ...cityOrgs('zh', '410411', '平顶山市湛河区', '湛政'),
  {
    key: 'zh.mz',
    name: '湛河区马庄街道办事处',
    type: 'township',
    region: '410411001',
    parent: 'zh.gov',
    enforcement: true,
  },
  ...cityOrgs('xx', '410700', '新乡市', '新政'),
  ...cityOrgs('jy', '419001', '济源市', '济政'),
  {
    key: 'jy.qy',
    name: '济源市沁园街道办事处',
    type: 'township',
    region: '419001001',
    parent: 'jy.gov',
    enforcement: true,
  },
];

export type DemoUser = {
  username: string;
  displayName: string;
  org: string;
  roles: Role[];
  position?: string;
};

export const DEMO_PASSWORD = 'Fazhi@2025';

export const DEMO_USERS: DemoUser[] = [
  { username: 'sysadmin', displayName: '王系统', org: 'ha.sft', roles: ['sysadmin'], position: '系统管理员' },
  { username: 'secadmin', displayName: '李安全', org: 'ha.sft', roles: ['secadmin'], position: '安全管理员' },
  {
    username: 'auditadmin',
    displayName: '赵审计',
    org: 'ha.sft',
    roles: ['auditadmin'],
    position: '审计管理员',
  },
  {
    username: 'smx.reviewer',
    displayName: '张审核',
    org: 'smx.sfj',
    roles: ['reviewer'],
    position: '法制审核科科长',
  },
  {
    username: 'smx.supervisor',
    displayName: '刘监督',
    org: 'smx.sfj',
    roles: ['supervisor'],
    position: '执法监督科科长',
  },
  { username: 'smx.leader', displayName: '陈市长', org: 'smx.gov', roles: ['leader'], position: '副市长' },
  { username: 'smx.staff', displayName: '孙经办', org: 'smx.scj', roles: ['staff'], position: '法规科科员' },
  { username: 'smx.head', displayName: '周局长', org: 'smx.scj', roles: ['head'], position: '局长' },
  {
    username: 'sz.reviewer',
    displayName: '吴审核',
    org: 'sz.sfj',
    roles: ['reviewer', 'supervisor'],
    position: '司法局副局长',
  },
  { username: 'sz.staff', displayName: '郑经办', org: 'sz.dy', roles: ['staff'], position: '司法所所长' },
  {
    username: 'zh.reviewer',
    displayName: '冯审核',
    org: 'zh.sfj',
    roles: ['reviewer'],
    position: '法制审核科科员',
  },
  {
    username: 'xx.reviewer',
    displayName: '何审核',
    org: 'xx.sfj',
    roles: ['reviewer'],
    position: '法制审核科科员',
  },
  {
    username: 'jy.reviewer',
    displayName: '高审核',
    org: 'jy.sfj',
    roles: ['reviewer'],
    position: '法制审核科科员',
  },
];
