import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES, STAFF_TYPES, type Officer } from '@fazhi/contracts';
import { Button, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ExportButton, ImportDialog } from '../../../../platform/api';
import { useCan } from '../../../../platform/access';
import { useT } from '../../../../platform/i18n';
import { useUrlFilters } from '../../../../platform/routing';
import { OFFICERS_PATH, useOfficers } from '../../api/officers';
import { labelOptions } from './FormModal';
import { OfficerDrawer, certificateStatusColor } from './OfficerDrawer';
import { OfficerFormModal } from './OfficerFormModal';

const KEYS = ['q', 'staffType', 'officer'] as const;

/** 执法人员 list: search, register (the body), bulk import (the justice bureau), export. */
export function OfficersTab() {
  const t = useT();
  const can = useCan();
  const { values, page, pageSize, update } = useUrlFilters(KEYS);
  const filters = { q: values.q, staffType: values.staffType, page, pageSize };
  const list = useOfficers(filters);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const columns: TableColumnsType<Officer> = [
    { title: t('姓名', 'Name'), dataIndex: 'name', width: 110 },
    { title: t('执法主体', 'Body'), render: (_, o) => o.org.name },
    { title: t('身份证号', 'ID number'), dataIndex: 'idNumber', width: 180 },
    {
      title: t('人员类别', 'Staff type'),
      width: 120,
      render: (_, o) => <Tag color={o.eligible ? 'blue' : 'default'}>{STAFF_TYPES[o.staffType]}</Tag>,
    },
    {
      title: t('证件', 'Certificates'),
      render: (_, o) =>
        o.certificates.map((c) => (
          <Tag key={c.id} color={certificateStatusColor(c.status)}>
            {CERTIFICATE_KINDS[c.kind]} {c.number ?? ''} {CERTIFICATE_STATUSES[c.status]}
          </Tag>
        )),
    },
  ];

  return (
    <>
      <Flex wrap gap="small" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap="small">
          <Input.Search
            allowClear
            defaultValue={values.q}
            placeholder={t('搜索姓名', 'Search name')}
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('人员类别', 'Staff type')}
            value={values.staffType}
            options={labelOptions(STAFF_TYPES)}
            onChange={(v?: string) => update({ staffType: v })}
            style={{ width: 140 }}
          />
        </Flex>
        <Flex wrap gap="small">
          {can('enforcement.body') && (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="officer-create">
              {t('登记执法人员', 'Register officer')}
            </Button>
          )}
          {can('enforcement.supervise') && (
            <Button onClick={() => setImporting(true)} data-testid="officer-import">
              {t('批量导入', 'Import')}
            </Button>
          )}
          <ExportButton
            listPath={OFFICERS_PATH}
            filters={filters}
            fileBaseName={t('行政执法人员', 'Officers')}
          />
        </Flex>
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        onRow={(o) => ({ onClick: () => update({ officer: o.id }), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
        data-testid="officers-table"
      />
      <OfficerDrawer id={values.officer ?? null} onClose={() => update({ officer: undefined })} />
      {creating && <OfficerFormModal officer={null} onClose={() => setCreating(false)} />}
      <ImportDialog
        kind="enforcement-officers"
        title={t('导入已有执法人员及证件', 'Import existing officers and certificates')}
        open={importing}
        onClose={() => setImporting(false)}
        onSucceeded={() => void list.refetch()}
      />
    </>
  );
}
