import { COMMENT_PERIOD_STATES, type PublicCommentPeriodSummary } from '@fazhi/contracts';
import { Card, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { usePublicCommentPeriods } from '../api/comments';
import { COMMENT_STATE_COLORS, COMMENT_STATE_EN } from './comment-labels';

const FILTER_KEYS = ['state'] as const;

/** Portal: drafts of normative documents open for public comment, then recently closed ones (no login). */
export function CommentsPage() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const state = values.state === 'open' || values.state === 'closed' ? values.state : undefined;
  const list = usePublicCommentPeriods({ state, page, pageSize });

  const columns: TableColumnsType<PublicCommentPeriodSummary> = [
    {
      title: t('草案名称', 'Draft'),
      dataIndex: 'draftTitle',
      render: (title: string, r) => (
        <Link to={`/portal/comments/${r.id}`} data-testid={`comment-period-${r.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('起草机关', 'Drafting organ'), dataIndex: 'orgName', width: 220 },
    {
      title: t('征求意见期', 'Comment period'),
      width: 230,
      render: (_, r) => `${r.opensOn} ${t('至', 'to')} ${r.closesOn}`,
    },
    {
      title: t('状态', 'State'),
      dataIndex: 'state',
      width: 170,
      render: (s: PublicCommentPeriodSummary['state']) => (
        <Tag color={COMMENT_STATE_COLORS[s]}>{t(COMMENT_PERIOD_STATES[s], COMMENT_STATE_EN[s])}</Tag>
      ),
    },
    { title: t('意见数', 'Comments'), dataIndex: 'commentCount', width: 90, align: 'right' },
  ];

  return (
    <Card data-testid="portal-comments-page">
      <Typography.Title level={4}>
        {t('规范性文件草案公开征求意见', 'Drafts of normative documents open for public comment')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '欢迎公民、法人和其他组织对下列草案提出意见建议。征求意见期结束后，起草机关将公布意见采纳情况。',
          'Citizens, enterprises and organisations are welcome to comment on these drafts. After each period the drafting organ publishes how the comments were handled.',
        )}
      </Typography.Paragraph>
      <Segmented
        style={{ marginBottom: 12 }}
        value={state ?? 'all'}
        onChange={(v) => update({ state: v === 'all' ? '' : String(v) })}
        options={[
          { value: 'all', label: t('全部', 'All') },
          { value: 'open', label: t('正在征求意见', 'Open') },
          { value: 'closed', label: t('已结束', 'Ended') },
        ]}
        data-testid="comment-state-filter"
      />
      <Table
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        data-testid="comment-periods-table"
        locale={{ emptyText: t('暂无征求意见的草案', 'No drafts open for comment') }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
    </Card>
  );
}
