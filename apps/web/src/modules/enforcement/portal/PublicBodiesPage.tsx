import { BODY_KINDS, ENFORCEMENT_FIELDS, type PublicBody } from '@fazhi/contracts';
import { Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { usePublicBodies } from '../api/bodies';

const KEYS = ['q', 'field'] as const;

/** Portal: 行政执法主体公告 — the announced enforcement bodies (河南省行政执法条例 第十三条, no login). */
export function PublicBodiesPage() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(KEYS);
  const list = usePublicBodies({ q: values.q, field: values.field, page, pageSize });
  const columns: TableColumnsType<PublicBody> = [
    { title: t('执法主体', 'Body'), dataIndex: 'name' },
    {
      title: t('统一社会信用代码', 'USCC'),
      dataIndex: 'uscc',
      width: 190,
      render: (u: string | null) => u ?? '—',
    },
    { title: t('地区', 'Region'), dataIndex: 'regionName', width: 120 },
    {
      title: t('类别', 'Kind'),
      dataIndex: 'kind',
      width: 150,
      render: (k: PublicBody['kind']) => BODY_KINDS[k],
    },
    { title: t('执法领域', 'Fields'), render: (_, b) => b.fields.join('、') },
    {
      title: t('委托机关及事项', 'Entrustment'),
      render: (_, b) =>
        b.entrustingOrgName ? `${b.entrustingOrgName}：${b.entrustedMatters.join('；')}` : '—',
    },
    {
      title: t('公告', 'Announcement'),
      width: 200,
      render: (_, b) =>
        b.announcementUrl ? (
          <a href={b.announcementUrl} target="_blank" rel="noreferrer">
            {b.announcedOn} {b.announcementDoc ?? ''}
          </a>
        ) : (
          `${b.announcedOn} ${b.announcementDoc ?? ''}`
        ),
    },
  ];
  return (
    <Card data-testid="portal-enforcement-bodies-page">
      <Typography.Title level={4}>{t('行政执法主体公告', 'Announced enforcement bodies')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '经同级人民政府确认并向社会公告的行政执法主体（含受委托组织及委托事项）。',
          'Enforcement bodies confirmed by the government and announced to the public, with entrusted organisations.',
        )}
      </Typography.Paragraph>
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索单位名称', 'Search name')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 260 }}
        />
        <Select
          allowClear
          placeholder={t('执法领域', 'Field')}
          value={values.field}
          options={ENFORCEMENT_FIELDS.map((f) => ({ value: f, label: f }))}
          onChange={(v?: string) => update({ field: v })}
          style={{ width: 160 }}
        />
      </Flex>
      <Table
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items}
        columns={columns}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          onChange: (p, s) => update({ page: String(p), pageSize: String(s) }),
        }}
      />
    </Card>
  );
}
