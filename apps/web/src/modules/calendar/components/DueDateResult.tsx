import { WarningOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Tag, Typography } from 'antd';
import { errorText } from '../../../platform/api';
import { weekdayOf } from '../../../platform/format';
import { useLocale, useT } from '../../../platform/i18n';
import { useDueDate, type DueDateParams, type DueDateResponse } from '../api';

/** "暂定（该年度节假日安排尚未公布）" — the due date may move once the State Council publishes the year. */
export function ProvisionalTag({ years }: { years?: readonly number[] }) {
  const t = useT();
  const which = years && years.length ? `${years.join('、')} ` : '';
  return (
    <Tag color="warning" icon={<WarningOutlined />} data-testid="due-provisional">
      {t(
        `暂定（${which}该年度节假日安排尚未公布）`,
        `Provisional (${which}holiday arrangement not yet published)`,
      )}
    </Tag>
  );
}

/** A due date with its weekday and the provisional warning. */
export function DueDateView({
  result,
  size = 'large',
}: {
  result: DueDateResponse;
  size?: 'large' | 'small';
}) {
  const locale = useLocale();
  return (
    <Flex align="center" gap="small" wrap>
      <Typography.Text strong style={{ fontSize: size === 'large' ? 24 : 14 }} data-testid="due-result-date">
        {result.dueDate}
      </Typography.Text>
      <Typography.Text style={{ fontSize: size === 'large' ? 18 : 14 }} data-testid="due-result-weekday">
        {weekdayOf(result.dueDate, locale)}
      </Typography.Text>
      {result.provisional && <ProvisionalTag years={result.provisionalYears} />}
    </Flex>
  );
}

/** Live preview of a due date (e.g. in the clock form); renders nothing until the inputs are complete. */
export function DueDatePreview({ params }: { params: DueDateParams | null }) {
  const t = useT();
  const q = useDueDate(params);
  if (!params) return null;
  if (q.isError) return <Alert type="error" showIcon title={errorText(q.error)} />;
  if (!q.data) return <Spin size="small" />;
  return (
    <Flex align="center" gap="small" wrap data-testid="due-preview">
      <Typography.Text type="secondary">{t('到期日', 'Due date')}：</Typography.Text>
      <DueDateView result={q.data} size="small" />
    </Flex>
  );
}
