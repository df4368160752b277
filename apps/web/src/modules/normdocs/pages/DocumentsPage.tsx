import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  NORMDOC_KINDS,
  NORMDOC_STATUSES,
  normdocStatusNames,
  type NormdocKind,
  type NormdocStatus,
  type NormdocSummary,
} from '@fazhi/contracts';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState, type HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../platform/access';
import { ExportButton, ImportDialog } from '../../../platform/api';
import { formatDate, formatDateTime } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { normdocQuery, useNormdocs, type NormdocFilters, type NormdocSort } from '../api/documents';
import { NormdocFormDrawer } from '../components/NormdocFormDrawer';
import { NORMDOC_STATUS_GROUPS, NormdocStatusTag, ValidityBadge } from '../components/NormdocStatusTag';

const FILTER_KEYS = ['status', 'kind', 'orgId', 'year', 'q', 'sort', 'create'] as const;
const SORTS: readonly NormdocSort[] = ['updatedAt', 'publishedOn', 'title'];

/** `status=drafting,submitted` in the URL → the statuses it names (unknown ones dropped). */
function parseStatuses(value: string | undefined): NormdocStatus[] | undefined {
  if (!value) return undefined;
  const list = value
    .split(',')
    .filter((s): s is NormdocStatus => (normdocStatusNames as string[]).includes(s));
  return list.length ? list : undefined;
}

/** 文件管理 — every document in the caller's scope; `?create=1` opens the create drawer. */
export function DocumentsPage() {
  const t = useT();
  const label = useLabel();
  const can = useCan();
  const navigate = useNavigate();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const [importOpen, setImportOpen] = useState(false);

  const year = values.year && /^\d{4}$/.test(values.year) ? Number(values.year) : undefined;
  const filters: NormdocFilters = {
    status: parseStatuses(values.status),
    kind: (Object.keys(NORMDOC_KINDS) as NormdocKind[]).find((k) => k === values.kind),
    orgId: values.orgId,
    year,
    q: values.q,
    sort: SORTS.find((s) => s === values.sort) ?? 'updatedAt',
    page,
    pageSize,
  };
  const docs = useNormdocs(filters);
  const canDraft = can('normdoc.draft');

  const columns: TableColumnsType<NormdocSummary> = [
    {
      title: t('文件标题', 'Title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_v, d) => (
        <Link to={`/normdocs/${d.id}`} data-testid={`normdoc-link-${d.id}`}>
          {d.title}
        </Link>
      ),
    },
    {
      title: t('类型', 'Kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: NormdocKind) => NORMDOC_KINDS[k],
    },
    {
      title: t('制定机关', 'Issuing organ'),
      key: 'org',
      width: 180,
      ellipsis: true,
      render: (_v, d) => d.org.name,
    },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 180,
      render: (_v, d) => (
        <Flex gap={4} wrap>
          <NormdocStatusTag status={d.status} />
          <ValidityBadge status={d.status} validUntil={d.validUntil} />
        </Flex>
      ),
    },
    {
      title: t('统一登记号', 'Registration no.'),
      dataIndex: 'registrationNumber',
      width: 160,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('公布日期', 'Published'),
      dataIndex: 'publishedOn',
      width: 110,
      render: formatDate,
    },
    { title: t('有效期至', 'Valid until'), dataIndex: 'validUntil', width: 110, render: formatDate },
    {
      title: t('更新时间', 'Updated'),
      dataIndex: 'updatedAt',
      width: 170,
      render: formatDateTime,
    },
  ];

  return (
    <PageCard
      title={t('规范性文件管理', 'Normative documents')}
      testId="normdocs-page"
      extra={
        <>
          <ExportButton
            listPath="/api/normdocs"
            filters={normdocQuery(filters)}
            fileBaseName={t('规范性文件', 'normative-documents')}
            testId="normdoc-export"
          />
          {can('normdoc.review') && (
            <Button
              icon={<UploadOutlined />}
              onClick={() => setImportOpen(true)}
              data-testid="normdoc-import"
            >
              {t('导入已有文件', 'Import existing documents')}
            </Button>
          )}
          {canDraft && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => update({ create: '1' })}
              data-testid="normdoc-create"
            >
              {t('新建文件', 'New document')}
            </Button>
          )}
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索标题、正文、登记号', 'Search title, text, number')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 240 }}
          data-testid="normdoc-search"
        />
        <Select<NormdocStatus[]>
          mode="multiple"
          allowClear
          maxTagCount="responsive"
          value={filters.status ?? []}
          placeholder={t('全部状态', 'All statuses')}
          options={NORMDOC_STATUS_GROUPS.map((g) => ({
            label: label(g.label),
            title: label(g.label),
            options: g.statuses.map((s) => ({ value: s, label: label(NORMDOC_STATUSES[s]) })),
          }))}
          onChange={(list) => update({ status: list.length ? list.join(',') : undefined })}
          style={{ width: 280 }}
          data-testid="normdoc-filter-status"
        />
        <Select<NormdocKind>
          allowClear
          value={filters.kind}
          placeholder={t('全部类型', 'All kinds')}
          options={(Object.keys(NORMDOC_KINDS) as NormdocKind[]).map((k) => ({
            value: k,
            label: NORMDOC_KINDS[k],
          }))}
          onChange={(kind) => update({ kind })}
          style={{ width: 160 }}
          data-testid="normdoc-filter-kind"
        />
        <OrgTreeSelect
          value={values.orgId}
          onChange={(orgId) => update({ orgId })}
          placeholder={t('全部制定机关', 'All organs')}
          style={{ width: 220 }}
          testId="normdoc-filter-org"
        />
        <DatePicker
          picker="year"
          value={year ? dayjs(`${year}-01-01`) : null}
          placeholder={t('年度', 'Year')}
          onChange={(d) => update({ year: d ? d.year() : undefined })}
          data-testid="normdoc-filter-year"
        />
        <Select<NormdocSort>
          value={filters.sort}
          options={[
            { value: 'updatedAt', label: t('按更新时间', 'By last update') },
            { value: 'publishedOn', label: t('按公布日期', 'By publication date') },
            { value: 'title', label: t('按标题', 'By title') },
          ]}
          onChange={(sort) => update({ sort: sort === 'updatedAt' ? undefined : sort })}
          style={{ width: 140 }}
          data-testid="normdoc-sort"
        />
      </Flex>
      <Table<NormdocSummary>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={docs.data?.items ?? []}
        loading={docs.isFetching}
        onRow={(d) =>
          ({ 'data-testid': 'normdoc-row', 'data-id': d.id }) as unknown as HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: docs.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 件`, `${n} document(s)`),
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
        locale={{
          emptyText: (
            <Typography.Text type="secondary">
              {t('没有符合条件的文件', 'No documents match')}
            </Typography.Text>
          ),
        }}
      />
      <NormdocFormDrawer
        open={values.create === '1' && canDraft}
        doc={null}
        onClose={() => update({ create: undefined, page })}
        onSaved={(doc) => void navigate(`/normdocs/${doc.id}`)}
      />
      <ImportDialog
        kind="normdocs"
        title={t('导入已有规范性文件', 'Import existing normative documents')}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onSucceeded={() => void docs.refetch()}
      />
    </PageCard>
  );
}
