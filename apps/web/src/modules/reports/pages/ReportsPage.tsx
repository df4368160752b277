import { PlusOutlined } from '@ant-design/icons';
import {
  REPORT_KINDS,
  REPORT_STATUSES,
  reportStatusNames,
  type ReportStatus,
  type ReportSummary,
} from '@fazhi/contracts';
import { Button, Flex, InputNumber, Select, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { formatDate, today } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { reportQuery, useReports, type ReportFilters } from '../api/reports';
import { ReportCreateDrawer } from '../components/ReportCreateDrawer';
import { ReportStatusTag } from '../components/ReportStatusTag';

const FILTER_KEYS = ['year', 'orgId', 'status', 'create'] as const;

/** A deadline with its state: done (date), due, or overdue. */
function Deadline({ due, done }: { due: string; done: string | null }) {
  const t = useT();
  if (done)
    return (
      <Tooltip title={t(`期限 ${due}`, `Due ${due}`)}>
        <Tag color={done <= due ? 'success' : 'warning'}>{formatDate(done)}</Tag>
      </Tooltip>
    );
  const overdue = today() > due;
  return (
    <Tag color={overdue ? 'error' : 'default'}>
      {t(`${overdue ? '已超期' : '期限'} ${due}`, `${overdue ? 'Overdue' : 'Due'} ${due}`)}
    </Tag>
  );
}

/** 法治政府建设年度报告 — by year and organisation, with status and the 1 March / 1 April deadlines. */
export function ReportsPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const year = values.year && /^\d{4}$/.test(values.year) ? Number(values.year) : undefined;
  const filters: ReportFilters = {
    year,
    orgId: values.orgId,
    status: reportStatusNames.find((s) => s === values.status),
    page,
    pageSize,
  };
  const reports = useReports(filters);
  const columns: TableColumnsType<ReportSummary> = [
    { title: t('年度', 'Year'), dataIndex: 'year', width: 80 },
    {
      title: t('报告标题', 'Title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_v, r) => (
        <Link to={`/reports/${r.id}`} data-testid={`report-link-${r.id}`}>
          {r.title}
        </Link>
      ),
    },
    {
      title: t('报告单位', 'Organisation'),
      key: 'org',
      width: 200,
      ellipsis: true,
      render: (_v, r) => (r.coOrg ? `${r.coOrg.name}、${r.org.name}` : r.org.name),
    },
    {
      title: t('类型', 'Kind'),
      dataIndex: 'kind',
      width: 200,
      render: (k: keyof typeof REPORT_KINDS) => label(REPORT_KINDS[k]),
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 110,
      render: (s: ReportStatus) => <ReportStatusTag status={s} />,
    },
    {
      title: t('报送（3月1日前）', 'Sent (by 1 Mar)'),
      key: 'send',
      width: 150,
      render: (_v, r) => <Deadline due={r.deadlines.sendBy} done={r.sentOn} />,
    },
    {
      title: t('公开（4月1日前）', 'Published (by 1 Apr)'),
      key: 'publish',
      width: 150,
      render: (_v, r) => <Deadline due={r.deadlines.publishBy} done={r.publishedOn} />,
    },
  ];
  return (
    <PageCard
      title={t('法治政府建设年度报告', 'Annual rule-of-law reports')}
      testId="reports-page"
      extra={
        <>
          <ExportButton
            listPath="/api/reports"
            filters={reportQuery(filters)}
            fileBaseName={t('法治政府建设年度报告', 'annual-reports')}
            testId="report-export"
          />
          {can('report.edit') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => update({ create: '1' })}
              data-testid="report-create"
            >
              {t('新建报告', 'New report')}
            </Button>
          )}
        </>
      }
    >
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={t('年度', 'Year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => update({ year: v ?? undefined })}
          data-testid="report-filter-year"
        />
        <OrgTreeSelect
          value={values.orgId}
          onChange={(v) => update({ orgId: v })}
          placeholder={t('报告单位', 'Organisation')}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('状态', 'Status')}
          value={filters.status}
          onChange={(v) => update({ status: v })}
          options={reportStatusNames.map((s) => ({ value: s, label: label(REPORT_STATUSES[s]) }))}
        />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={reports.isLoading}
        columns={columns}
        dataSource={reports.data?.items ?? []}
        pagination={{
          current: page,
          pageSize,
          total: reports.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, ps) => update({ page: p, pageSize: ps }),
        }}
      />
      <ReportCreateDrawer open={values.create === '1'} onClose={() => update({ create: undefined })} />
    </PageCard>
  );
}
