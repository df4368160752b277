import type { Normdoc } from '@fazhi/contracts';
import { Tag, Tooltip } from 'antd';
import { useT } from '../../../platform/i18n';

const COLOR = { normal: 'processing', due_soon: 'warning', overdue: 'error' } as const;

/** The document's running deadlines (合法性审核, 征求意见, 备案, 纠正, 有效期) as 正常/临期/超期 badges. */
export function DeadlineBadges({ deadlines }: { deadlines: Normdoc['deadlines'] }) {
  const t = useT();
  return (
    <>
      {deadlines.map((d) => (
        <Tooltip
          key={`${d.kind}-${d.label}-${d.dueDate}`}
          title={
            d.provisional
              ? t('到期日暂定：该年度节假日安排尚未公布', 'Provisional: holiday schedule not yet published')
              : undefined
          }
        >
          <Tag color={COLOR[d.status]} data-testid={`deadline-${d.kind}`}>
            {d.label}：{d.dueDate}
            {d.status === 'overdue'
              ? t('（超期）', ' (overdue)')
              : d.status === 'due_soon'
                ? t('（临期）', ' (due soon)')
                : ''}
            {d.provisional ? t('（暂定）', ' (provisional)') : ''}
          </Tag>
        </Tooltip>
      ))}
    </>
  );
}
