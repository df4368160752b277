import { REPORT_STATUSES, type ReportStatus } from '@fazhi/contracts';
import { Tag } from 'antd';
import { useLabel } from '../../../platform/i18n';

const COLORS: Record<ReportStatus, string> = {
  planned: 'default',
  draft: 'processing',
  discussion_draft: 'processing',
  review_draft: 'processing',
  secrecy_reviewed: 'cyan',
  signed: 'geekblue',
  sent: 'purple',
  published: 'success',
  archived: 'default',
};

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const label = useLabel();
  return (
    <Tag color={COLORS[status]} data-testid={`report-status-${status}`}>
      {label(REPORT_STATUSES[status])}
    </Tag>
  );
}
