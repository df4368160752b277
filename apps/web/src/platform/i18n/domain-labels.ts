/**
 * Bilingual labels for the contracts' enums. Chinese comes from the contracts (the single source);
 * English is added here because the contracts carry Chinese only for these.
 */
import {
  CLOCK_STATUSES,
  ORG_TYPES,
  REGION_LEVELS,
  ROLES,
  type ClockStatus,
  type DueDateUnit,
  type OrgType,
  type RegionLevel,
  type Role,
} from '@fazhi/contracts';
import type { Bilingual } from './use-i18n';

export function roleLabel(role: Role): Bilingual {
  return { zh: ROLES[role].zh, en: ROLES[role].en };
}

const ORG_TYPES_EN: Record<OrgType, string> = {
  party_committee: 'Party committee',
  government: "People's government",
  department: 'Government department',
  justice_bureau: 'Justice administration',
  dispatched: 'Dispatched organ',
  township: 'Township / subdistrict',
  npc_standing: 'NPC standing committee',
  court: 'Court',
  procuratorate: 'Procuratorate',
  authorized: 'Authorised organisation',
  entrusted: 'Entrusted organisation',
  village: 'Village / residents committee',
};
export function orgTypeLabel(type: OrgType): Bilingual {
  return { zh: ORG_TYPES[type], en: ORG_TYPES_EN[type] };
}
export const orgTypeNames = Object.keys(ORG_TYPES) as OrgType[];

const REGION_LEVELS_EN: Record<RegionLevel, string> = {
  province: 'Province',
  prefecture: 'Prefecture',
  county: 'County',
  township: 'Township',
};
export function regionLevelLabel(level: RegionLevel): Bilingual {
  return { zh: REGION_LEVELS[level], en: REGION_LEVELS_EN[level] };
}
export const regionLevelNames = Object.keys(REGION_LEVELS) as RegionLevel[];

const CLOCK_STATUSES_EN: Record<ClockStatus, string> = {
  normal: 'On track',
  due_soon: 'Due soon',
  overdue: 'Overdue',
  completed: 'Completed',
};
export function clockStatusLabel(status: ClockStatus): Bilingual {
  return { zh: CLOCK_STATUSES[status], en: CLOCK_STATUSES_EN[status] };
}
export const clockStatusNames = Object.keys(CLOCK_STATUSES) as ClockStatus[];
export const CLOCK_STATUS_COLORS: Record<ClockStatus, string> = {
  normal: 'green',
  due_soon: 'orange',
  overdue: 'red',
  completed: 'default',
};

/** Short unit names for forms (工作日/自然日/月) and for amounts ("15 个工作日"). */
const UNIT_LABELS: Record<DueDateUnit, { short: Bilingual; amount: Bilingual }> = {
  working_days: {
    short: { zh: '工作日', en: 'Working days' },
    amount: { zh: '个工作日', en: 'working days' },
  },
  calendar_days: {
    short: { zh: '自然日', en: 'Calendar days' },
    amount: { zh: '日（自然日）', en: 'calendar days' },
  },
  months: { short: { zh: '月', en: 'Months' }, amount: { zh: '个月', en: 'months' } },
};
export const dueDateUnitNames: DueDateUnit[] = ['working_days', 'calendar_days', 'months'];
export function unitLabel(unit: DueDateUnit): Bilingual {
  return UNIT_LABELS[unit].short;
}
export function amountLabel(amount: number, unit: DueDateUnit): Bilingual {
  const u = UNIT_LABELS[unit].amount;
  return { zh: `${amount} ${u.zh}`, en: `${amount} ${u.en}` };
}
