import type { ClockStatus } from '@fazhi/contracts';
import { Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { CLOCK_STATUS_COLORS, clockStatusLabel, useLabel, useT } from '../../../platform/i18n';

/** 正常 green / 临期 orange / 超期 red / 已完成 grey. */
export function ClockStatusTag({ status }: { status: ClockStatus }) {
  const label = useLabel();
  return (
    <Tag color={CLOCK_STATUS_COLORS[status]} data-testid={`clock-status-${status}`}>
      {label(clockStatusLabel(status))}
    </Tag>
  );
}

/** "剩 3 天" / "今天到期" / "已超 2 天" for an open clock. */
export function DaysLeft({ dueDate, status }: { dueDate: string; status: ClockStatus }) {
  const t = useT();
  if (status === 'completed') return null;
  const days = dayjs(dueDate).startOf('day').diff(dayjs().startOf('day'), 'day');
  const text =
    days > 0
      ? t(`剩 ${days} 天`, `${days} day(s) left`)
      : days === 0
        ? t('今天到期', 'Due today')
        : t(`已超 ${-days} 天`, `${-days} day(s) over`);
  return (
    <Typography.Text
      type={days < 0 ? 'danger' : days <= 3 ? 'warning' : 'secondary'}
      style={{ fontSize: 12 }}
    >
      {text}
    </Typography.Text>
  );
}
