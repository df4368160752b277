import {
  FILING_RECIPIENTS,
  FILING_REVIEW_STATUSES,
  FILING_STATUSES,
  type Filing,
  type FilingReviewStatus,
  type FilingStatus,
} from '@fazhi/contracts';
import { Space, Tag } from 'antd';
import { useT } from '../../../platform/i18n';

// English labels of the filing enums (the Chinese ones come from the contracts).
const STATUS_EN: Record<FilingStatus, string> = {
  due: 'To file',
  submitted: 'Submitted',
  registered: 'Registered',
  suspended: 'Suspended: supplement',
  not_accepted: 'Not accepted',
  under_review: 'Under review',
  passed: 'Passed',
  opinion_issued: 'Opinion issued',
  corrected: 'Corrected',
  revoked: 'Revoked',
};
const STATUS_COLORS: Record<FilingStatus, string> = {
  due: 'default',
  submitted: 'blue',
  registered: 'geekblue',
  suspended: 'orange',
  not_accepted: 'volcano',
  under_review: 'processing',
  passed: 'green',
  opinion_issued: 'gold',
  corrected: 'cyan',
  revoked: 'red',
};
export const RECIPIENT_EN: Record<keyof typeof FILING_RECIPIENTS, string> = {
  superior_government: 'Superior government',
  same_level_congress: 'People’s congress standing committee',
  same_level_government: 'Same-level government',
  superior_department: 'Superior department',
};
const REVIEW_STATUS_EN: Record<FilingReviewStatus, string> = {
  received: 'To register',
  assigned: 'Assigned',
  reviewed: 'Reviewed',
  correcting: 'Correcting',
  closed: 'Closed',
};

export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} data-testid="filing-status" data-status={status}>
      {t(FILING_STATUSES[status] ?? status, STATUS_EN[status] ?? status)}
    </Tag>
  );
}

export function FilingReviewStatusTag({ status }: { status: FilingReviewStatus }) {
  const t = useT();
  const color =
    status === 'received'
      ? 'blue'
      : status === 'correcting'
        ? 'gold'
        : status === 'closed'
          ? 'default'
          : 'processing';
  return (
    <Tag color={color} data-testid="filing-review-status" data-status={status}>
      {t(FILING_REVIEW_STATUSES[status] ?? status, REVIEW_STATUS_EN[status] ?? status)}
    </Tag>
  );
}

export function RecipientText({ kind }: { kind: keyof typeof FILING_RECIPIENTS }) {
  const t = useT();
  return <>{t(FILING_RECIPIENTS[kind] ?? kind, RECIPIENT_EN[kind] ?? kind)}</>;
}

/** Due date with its 临期 / 超期 badge, or whether the submission was timely. */
export function FilingDue({ filing }: { filing: Omit<Filing, 'actions'> }) {
  const t = useT();
  let badge = null;
  if (filing.clockStatus === 'overdue')
    badge = (
      <Tag color="error" data-testid="filing-overdue">
        {t(`超期 ${-(filing.daysRemaining ?? 0)} 天`, `${-(filing.daysRemaining ?? 0)} day(s) overdue`)}
      </Tag>
    );
  else if (filing.clockStatus === 'due_soon')
    badge = (
      <Tag color="warning" data-testid="filing-due-soon">
        {t(`临期（剩 ${filing.daysRemaining ?? 0} 天）`, `Due in ${filing.daysRemaining ?? 0} day(s)`)}
      </Tag>
    );
  else if (filing.timely === false) badge = <Tag color="orange">{t('逾期报送', 'Filed late')}</Tag>;
  else if (filing.timely === true) badge = <Tag color="success">{t('按时报送', 'On time')}</Tag>;
  return (
    <Space size={4}>
      <span>{filing.dueDate}</span>
      {filing.provisional && <Tag>{t('暂定', 'Provisional')}</Tag>}
      {badge}
    </Space>
  );
}
