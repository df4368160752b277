import {
  COLLECTION_TARGET_STATUSES,
  COLLECTION_TASK_STATUSES,
  type CollectionTargetStatus,
  type CollectionTaskStatus,
} from '@fazhi/contracts';
import { Tag } from 'antd';
import { useLabel, useT } from '../../../platform/i18n';

const TARGET_COLORS: Record<CollectionTargetStatus, string> = {
  pending: 'default',
  submitted: 'processing',
  signed: 'cyan',
  accepted: 'success',
  returned: 'warning',
};
const TASK_COLORS: Record<CollectionTaskStatus, string> = {
  draft: 'default',
  open: 'processing',
  closed: 'success',
};

export function TargetStatusTag({ status, overdue }: { status: CollectionTargetStatus; overdue?: boolean }) {
  const label = useLabel();
  const t = useT();
  return (
    <>
      <Tag color={TARGET_COLORS[status]}>{label(COLLECTION_TARGET_STATUSES[status])}</Tag>
      {overdue && <Tag color="error">{t('超期', 'Overdue')}</Tag>}
    </>
  );
}

export function TaskStatusTag({ status }: { status: CollectionTaskStatus }) {
  const label = useLabel();
  return <Tag color={TASK_COLORS[status]}>{label(COLLECTION_TASK_STATUSES[status])}</Tag>;
}
