import {
  CERTIFICATE_KINDS,
  CERTIFICATE_STATUSES,
  CERTIFICATE_TRANSITIONS,
  type Certificate,
  type CertificateAction,
} from '@fazhi/contracts';
import { Button, Flex, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { ExportButton } from '../../../../platform/api';
import { useT } from '../../../../platform/i18n';
import { useUrlFilters } from '../../../../platform/routing';
import { CERTIFICATES_PATH, useCertificates } from '../../api/officers';
import { CertificateActionModal } from './CertificateActionModal';
import { labelOptions } from './FormModal';
import { certificateStatusColor } from './OfficerDrawer';

const KEYS = ['q', 'kind', 'status', 'expiring'] as const;
type Row = Omit<Certificate, 'events'>;

/** 证件台账: every certificate in scope, with the lifecycle buttons the caller may use and an expiry filter. */
export function CertificatesTab() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(KEYS);
  const filters = {
    q: values.q,
    kind: values.kind,
    status: values.status,
    expiringWithinDays: values.expiring,
    page,
    pageSize,
  };
  const list = useCertificates(filters);
  const [action, setAction] = useState<{ c: Row; a: CertificateAction } | null>(null);

  const columns: TableColumnsType<Row> = [
    { title: t('证号', 'Number'), dataIndex: 'number', width: 170, render: (n: string | null) => n ?? '—' },
    {
      title: t('类型', 'Kind'),
      dataIndex: 'kind',
      width: 120,
      render: (k: Row['kind']) => CERTIFICATE_KINDS[k],
    },
    { title: t('持证人', 'Holder'), dataIndex: 'officerName', width: 100 },
    { title: t('执法主体', 'Body'), render: (_, c) => c.org.name },
    {
      title: t('状态', 'Status'),
      dataIndex: 'status',
      width: 100,
      render: (s: Row['status']) => <Tag color={certificateStatusColor(s)}>{CERTIFICATE_STATUSES[s]}</Tag>,
    },
    {
      title: t('有效期至', 'Valid to'),
      dataIndex: 'validTo',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
    {
      title: t('操作', 'Actions'),
      render: (_, c) => (
        <Flex gap={4} wrap>
          {c.actions.map((a) => (
            <Button
              key={a}
              size="small"
              onClick={() => setAction({ c, a })}
              data-testid={`certificate-${c.id}-${a}`}
            >
              {CERTIFICATE_TRANSITIONS[a].zh}
            </Button>
          ))}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <Flex wrap gap="small" justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap="small">
          <Input.Search
            allowClear
            defaultValue={values.q}
            placeholder={t('搜索证号或姓名', 'Number or name')}
            onSearch={(q) => update({ q: q.trim() })}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            placeholder={t('证件类型', 'Kind')}
            value={values.kind}
            options={labelOptions(CERTIFICATE_KINDS)}
            onChange={(v?: string) => update({ kind: v })}
            style={{ width: 150 }}
          />
          <Select
            allowClear
            placeholder={t('状态', 'Status')}
            value={values.status}
            options={labelOptions(CERTIFICATE_STATUSES)}
            onChange={(v?: string) => update({ status: v })}
            style={{ width: 130 }}
          />
          <Select
            allowClear
            placeholder={t('即将到期', 'Expiring')}
            value={values.expiring}
            options={[
              { value: '30', label: t('30日内到期', 'Within 30 days') },
              { value: '90', label: t('90日内到期', 'Within 90 days') },
            ]}
            onChange={(v?: string) => update({ expiring: v })}
            style={{ width: 140 }}
          />
        </Flex>
        <ExportButton
          listPath={CERTIFICATES_PATH}
          filters={filters}
          fileBaseName={t('行政执法证件', 'Certificates')}
        />
      </Flex>
      <Table
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
        data-testid="certificates-table"
      />
      {action && (
        <CertificateActionModal certificate={action.c} action={action.a} onClose={() => setAction(null)} />
      )}
    </>
  );
}
