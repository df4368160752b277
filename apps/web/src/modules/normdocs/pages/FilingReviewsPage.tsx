import {
  FILING_REGISTRATION_RESULTS,
  FILING_REVIEW_STATUSES,
  REVIEW_HANDLINGS,
  REVIEW_ISSUES,
  type FilingAction,
  type FilingReview,
  type FilingReviewStatus,
} from '@fazhi/contracts';
import { Button, Flex, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ExportButton } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { filingQuery, useFilingReviews, type FilingReviewFilters } from '../api/filings';
import { AssignModal, CorrectionResultModal, RegisterModal, ReviewModal } from '../components/FilingModals';
import { FilingReviewStatusTag, FilingStatusTag, RecipientText } from '../components/FilingTags';

const FILTER_KEYS = ['status', 'assignee', 'overdue', 'year'] as const;
const statusNames = Object.keys(FILING_REVIEW_STATUSES) as FilingReviewStatus[];
const ACTION_LABELS: Partial<Record<FilingAction, [string, string]>> = {
  register: ['登记', 'Register'],
  assign: ['分配', 'Assign'],
  review: ['审查', 'Review'],
  correction_result: ['纠正结果', 'Correction result'],
};

/** 备案审查 — the justice bureau's intake queue of filings from lower governments and same-level departments. */
export function FilingReviewsPage() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const year = values.year ? Number(values.year) : undefined;
  const filters: FilingReviewFilters = {
    status: statusNames.find((s) => s === values.status),
    assignee: values.assignee === 'me' ? 'me' : undefined,
    overdue: values.overdue === 'true' ? 'true' : undefined,
    year: year && year >= 1980 && year <= 2100 ? year : undefined,
    page,
    pageSize,
  };
  const reviews = useFilingReviews(filters);
  const [open, setOpen] = useState<{ action: FilingAction; review: FilingReview } | null>(null);
  const close = () => setOpen(null);
  const pick = (a: FilingAction) => (open?.action === a ? open.review : null);

  return (
    <PageCard
      title={t('备案审查', 'Filing review')}
      testId="filing-reviews-page"
      extra={
        <ExportButton
          listPath="/api/normdocs/filing-reviews"
          filters={filingQuery(filters)}
          fileBaseName={t('备案审查', 'filing-reviews')}
          testId="filing-review-export"
        />
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Select<FilingReviewStatus>
          allowClear
          value={filters.status}
          placeholder={t('全部状态', 'All statuses')}
          options={statusNames.map((s) => ({ value: s, label: FILING_REVIEW_STATUSES[s] }))}
          onChange={(status) => update({ status })}
          style={{ width: 140 }}
          data-testid="filing-review-filter-status"
        />
        <Select<'me'>
          allowClear
          value={filters.assignee === 'me' ? 'me' : undefined}
          placeholder={t('全部审查人', 'All reviewers')}
          options={[{ value: 'me', label: t('分配给我的', 'Assigned to me') }]}
          onChange={(assignee) => update({ assignee })}
          style={{ width: 150 }}
          data-testid="filing-review-filter-assignee"
        />
        <Select<'true'>
          allowClear
          value={filters.overdue === 'true' ? 'true' : undefined}
          placeholder={t('纠正是否超期', 'Correction overdue?')}
          options={[{ value: 'true', label: t('纠正超期', 'Correction overdue') }]}
          onChange={(overdue) => update({ overdue })}
          style={{ width: 150 }}
          data-testid="filing-review-filter-overdue"
        />
        <InputNumber
          placeholder={t('收到年度', 'Year received')}
          value={filters.year}
          min={1980}
          max={2100}
          onChange={(v) => update({ year: v ? String(v) : undefined })}
        />
      </Flex>
      <Table<FilingReview>
        rowKey="id"
        size="middle"
        loading={reviews.isFetching}
        dataSource={reviews.data?.items ?? []}
        data-testid="filing-review-table"
        pagination={{
          current: page,
          pageSize,
          total: reviews.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 条`, `${n} in total`),
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
        columns={[
          {
            title: t('报备文件', 'Filed document'),
            key: 'doc',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/normdocs/${r.filing.docId}`}>{r.filing.docTitle}</Link>
                <Typography.Text type="secondary">
                  {[r.filing.registrationNumber, r.filing.org.name].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('报备类型', 'Recipient'),
            key: 'kind',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <RecipientText kind={r.filing.recipientKind} />
                <Typography.Text type="secondary">{r.reviewerOrg.name}</Typography.Text>
              </Space>
            ),
          },
          {
            title: t('收到日期', 'Received'),
            key: 'received',
            render: (_, r) => (
              <Space size={4}>
                <span>{r.receivedOn}</span>
                {r.filing.timely === false && <Tag color="orange">{t('逾期报送', 'Filed late')}</Tag>}
              </Space>
            ),
          },
          { title: t('审查人', 'Reviewer'), key: 'assignee', render: (_, r) => r.assignee?.name ?? '—' },
          {
            title: t('状态', 'Status'),
            key: 'status',
            render: (_, r) => (
              <Space direction="vertical" size={2}>
                <FilingReviewStatusTag status={r.status} />
                <FilingStatusTag status={r.filing.status} />
              </Space>
            ),
          },
          {
            title: t('审查情况', 'Review'),
            key: 'review',
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                {r.filing.registrationResult && (
                  <span>{FILING_REGISTRATION_RESULTS[r.filing.registrationResult]}</span>
                )}
                {r.handling && <span>{REVIEW_HANDLINGS[r.handling]}</span>}
                {r.issues.length > 0 && (
                  <Typography.Text type="secondary">
                    {r.issues.map((i) => REVIEW_ISSUES[i]).join('、')}
                  </Typography.Text>
                )}
                {r.correctionDue && (
                  <Space size={4}>
                    <span>{t(`纠正期限 ${r.correctionDue}`, `Correct by ${r.correctionDue}`)}</span>
                    {r.correctionOverdue && (
                      <Tag color="error" data-testid="filing-correction-overdue">
                        {t('超期', 'Overdue')}
                      </Tag>
                    )}
                  </Space>
                )}
              </Space>
            ),
          },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_, r) => (
              <Space wrap>
                {r.actions.map((a) => {
                  const label = ACTION_LABELS[a];
                  return label ? (
                    <Button
                      key={a}
                      size="small"
                      type={a === 'review' || a === 'register' ? 'primary' : 'default'}
                      onClick={() => setOpen({ action: a, review: r })}
                      data-testid={`filing-review-${a}`}
                    >
                      {t(label[0], label[1])}
                    </Button>
                  ) : null;
                })}
              </Space>
            ),
          },
        ]}
      />
      <RegisterModal review={pick('register')} onClose={close} />
      <AssignModal review={pick('assign')} onClose={close} />
      <ReviewModal review={pick('review')} onClose={close} />
      <CorrectionResultModal review={pick('correction_result')} onClose={close} />
    </PageCard>
  );
}
