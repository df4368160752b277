import { LEGALITY_OPINIONS, type Normdoc } from '@fazhi/contracts';
import { Table, Tag, Typography } from 'antd';
import { formatDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';

type Review = Normdoc['legalityReviews'][number];

const OPINION_COLORS: Record<string, string> = {
  lawful: 'green',
  lawful_after_revision: 'cyan',
  unlawful: 'red',
  not_normative: 'default',
};

/** 合法性审核: one row per submission round — submitted, returned for materials, accepted, opinion. */
export function LegalityReviewsTable({ reviews }: { reviews: Review[] }) {
  const t = useT();
  return (
    <Table<Review>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={reviews}
      data-testid="legality-reviews"
      locale={{ emptyText: t('尚未送审', 'Not submitted yet') }}
      expandable={{
        rowExpandable: (r) => !!r.opinionText || !!r.returnReason,
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
            {r.returnReason ? `${t('退回理由：', 'Returned: ')}${r.returnReason}\n` : ''}
            {r.opinionText ?? ''}
          </Typography.Paragraph>
        ),
      }}
      columns={[
        { title: t('送审日期', 'Submitted'), dataIndex: 'submittedOn', width: 110, render: formatDate },
        { title: t('退回补充材料', 'Returned'), dataIndex: 'returnedOn', width: 120, render: formatDate },
        { title: t('受理日期', 'Accepted'), dataIndex: 'acceptedOn', width: 110, render: formatDate },
        {
          title: t('审核人', 'Reviewer'),
          dataIndex: 'reviewerName',
          width: 120,
          render: (v: string | null) => v ?? '—',
        },
        {
          title: t('审核意见', 'Opinion'),
          dataIndex: 'opinion',
          width: 150,
          render: (o: Review['opinion']) =>
            o ? (
              <Tag color={OPINION_COLORS[o]}>{LEGALITY_OPINIONS[o]}</Tag>
            ) : (
              <Tag>{t('审核中', 'Pending')}</Tag>
            ),
        },
        {
          title: t('修改意见', 'Suggestions'),
          dataIndex: 'suggestionCount',
          width: 100,
          render: (n: number | null) => (n === null ? '—' : t(`${n} 条`, `${n}`)),
        },
        { title: t('出具日期', 'Completed'), dataIndex: 'completedOn', width: 110, render: formatDate },
      ]}
    />
  );
}
