import { NORMDOC_STATUSES, type NormdocStatus } from '@fazhi/contracts';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useLabel, useT, type Bilingual } from '../../../platform/i18n';

/** The status filter's groups, in lifecycle order. */
export const NORMDOC_STATUS_GROUPS: { label: Bilingual; statuses: NormdocStatus[] }[] = [
  {
    label: { zh: '起草阶段', en: 'Drafting' },
    statuses: [
      'drafting',
      'assessment',
      'public_comment',
      'fair_competition_review',
      'returned',
      'abandoned',
    ],
  },
  {
    label: { zh: '审核阶段', en: 'Review' },
    statuses: [
      'submitted',
      'legality_review',
      'review_passed',
      'review_failed',
      'not_normative',
      'adopted',
      'signed',
      'registered',
    ],
  },
  { label: { zh: '已公布', en: 'Published' }, statuses: ['published', 'in_force'] },
  {
    label: { zh: '已失效', en: 'No longer in force' },
    statuses: ['amended', 'repealed', 'declared_invalid', 'expired', 'removed_from_catalog'],
  },
];

const COLORS: Record<NormdocStatus, string> = {
  drafting: 'default',
  assessment: 'cyan',
  public_comment: 'cyan',
  fair_competition_review: 'cyan',
  returned: 'orange',
  abandoned: 'default',
  submitted: 'blue',
  legality_review: 'processing',
  review_passed: 'geekblue',
  review_failed: 'red',
  not_normative: 'default',
  adopted: 'geekblue',
  signed: 'purple',
  registered: 'purple',
  published: 'lime',
  in_force: 'green',
  amended: 'default',
  repealed: 'volcano',
  declared_invalid: 'volcano',
  expired: 'default',
  removed_from_catalog: 'default',
};

export function NormdocStatusTag({ status, testId }: { status: NormdocStatus; testId?: string }) {
  const label = useLabel();
  // Tolerates a status this build does not know (a newer server): shows the code.
  const text = (NORMDOC_STATUSES as Record<string, { zh: string; en: string } | undefined>)[status];
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {text ? label(text) : status}
    </Tag>
  );
}

/**
 * The deadline badge of a document in force: its validity (有效期) runs out within `warningDays` (临期) or
 * has run out and the expiry job has not ended it yet (已届满).
 */
export function ValidityBadge({
  status,
  validUntil,
  warningDays = 90,
}: {
  status: NormdocStatus;
  validUntil: string | null;
  warningDays?: number;
}) {
  const t = useT();
  if (!validUntil || (status !== 'in_force' && status !== 'published')) return null;
  const days = dayjs(validUntil).startOf('day').diff(dayjs().startOf('day'), 'day');
  if (days > warningDays) return null;
  return days < 0 ? (
    <Tag color="error" data-testid="validity-badge">
      {t('有效期已届满', 'Validity ended')}
    </Tag>
  ) : (
    <Tag color="warning" data-testid="validity-badge">
      {t(`有效期剩 ${days} 天`, `${days} day(s) of validity left`)}
    </Tag>
  );
}
