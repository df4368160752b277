import { BODY_KINDS, BODY_STATUSES, ENFORCEMENT_FIELDS, type Body } from '@fazhi/contracts';
import { Button, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { PageCard } from '../../../platform/ui';
import { BODIES_PATH, useBodies } from '../api/bodies';
import { BodyDrawer, bodyStatusColor } from '../components/bodies/BodyDrawer';
import { BodyFormModal } from '../components/bodies/BodyFormModal';
import { labelOptions } from '../components/officers/FormModal';

const KEYS = ['q', 'status', 'kind', 'field', 'body'] as const;
type Row = Omit<Body, 'history' | 'powers'> & { powerCount: number };

/** 执法主体 (DOMAIN.md §4.1): registration, confirmation and announcement, with history. */
export function BodiesPage() {
  const t = useT();
  const can = useCan();
  const { values, page, pageSize, update } = useUrlFilters(KEYS);
  const filters = {
    q: values.q,
    status: values.status,
    kind: values.kind,
    field: values.field,
    page,
    pageSize,
  };
  const list = useBodies(filters);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Row> = [
    { title: t('执法主体', 'Body'), render: (_, b) => b.org.name },
    { title: t('类别', 'Kind'), dataIndex: 'kind', width: 150, render: (k: Row['kind']) => BODY_KINDS[k] },
    { title: t('执法领域', 'Fields'), render: (_, b) => b.fields.join('、') },
    { title: t('权责事项', 'Powers'), dataIndex: 'powerCount', width: 90 },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 120,
      render: (s: Row['status']) => <Tag color={bodyStatusColor(s)}>{BODY_STATUSES[s]}</Tag>,
    },
    {
      title: t('公告日期', 'Announced'),
      dataIndex: 'announcedOn',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
  ];

  return (
    <PageCard
      title={t('执法主体', 'Enforcement bodies')}
      testId="bodies-page"
      extra={
        <>
          {can('enforcement.supervise') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="body-create">
              {t('登记执法主体', 'Register body')}
            </Button>
          )}
          <ExportButton listPath={BODIES_PATH} filters={filters} fileBaseName={t('行政执法主体', 'Bodies')} />
        </>
      }
    >
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索单位名称', 'Search name')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('状态', 'Status')}
          value={values.status}
          options={labelOptions(BODY_STATUSES)}
          onChange={(v?: string) => update({ status: v })}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('类别', 'Kind')}
          value={values.kind}
          options={labelOptions(BODY_KINDS)}
          onChange={(v?: string) => update({ kind: v })}
          style={{ width: 170 }}
        />
        <Select
          allowClear
          placeholder={t('执法领域', 'Field')}
          value={values.field}
          options={ENFORCEMENT_FIELDS.map((f) => ({ value: f, label: f }))}
          onChange={(v?: string) => update({ field: v })}
          style={{ width: 150 }}
        />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        onRow={(b) => ({ onClick: () => update({ body: b.id }), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
        data-testid="bodies-table"
      />
      <BodyDrawer id={values.body ?? null} onClose={() => update({ body: undefined })} />
      {creating && <BodyFormModal body={null} onClose={() => setCreating(false)} />}
    </PageCard>
  );
}
