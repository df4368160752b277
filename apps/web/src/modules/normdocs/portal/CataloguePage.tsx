import { NORMDOC_KINDS, type CatalogueItem } from '@fazhi/contracts';
import { Card, Flex, Input, InputNumber, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../platform/i18n';
import { useUrlFilters } from '../../../platform/routing';
import { useCatalogue, useCatalogueOrgs, type CatalogueFilters } from '../api/catalogue';

const FILTER_KEYS = ['orgId', 'regionCode', 'year', 'q'] as const;

/** Portal: 现行有效规范性文件目录 — every organisation's in-force documents (no login). */
export function CataloguePage() {
  const t = useT();
  const { values, page, pageSize, update } = useUrlFilters(FILTER_KEYS);
  const filters: CatalogueFilters = {
    orgId: values.orgId,
    regionCode: values.regionCode,
    year: values.year ? Number(values.year) : undefined,
    q: values.q,
    page,
    pageSize,
  };
  const list = useCatalogue(filters);
  const orgs = useCatalogueOrgs();
  const regions = useMemo(() => {
    const seen = new Map<string, string>();
    for (const o of orgs.data?.items ?? []) seen.set(o.regionCode, o.regionName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [orgs.data]);

  const columns: TableColumnsType<CatalogueItem> = [
    {
      title: t('文件名称', 'Title'),
      dataIndex: 'title',
      render: (title: string, r) => (
        <Link to={`/portal/normdocs/${r.id}`} data-testid={`catalogue-link-${r.id}`}>
          {title}
        </Link>
      ),
    },
    { title: t('制定机关', 'Issuing organ'), width: 220, render: (_, r) => r.org.name },
    {
      title: t('登记号 / 文号', 'Registration / number'),
      width: 200,
      render: (_, r) => [r.registrationNumber, r.docNumber].filter(Boolean).join(' / ') || '—',
    },
    {
      title: t('类别', 'Kind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: CatalogueItem['kind']) => NORMDOC_KINDS[k],
    },
    { title: t('公布日期', 'Published'), dataIndex: 'publishedOn', width: 110 },
    { title: t('施行日期', 'Effective'), dataIndex: 'effectiveOn', width: 110 },
    {
      title: t('有效期至', 'Valid until'),
      dataIndex: 'validUntil',
      width: 110,
      render: (d: string | null) => d ?? '—',
    },
  ];

  return (
    <Card data-testid="portal-catalogue-page">
      <Typography.Title level={4}>
        {t('现行有效行政规范性文件目录', 'Normative documents in force')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '本目录公布各行政机关现行有效的行政规范性文件，可查阅全文、政策解读并下载正式文本。',
          'The normative documents currently in force, with full text, interpretation and the official text for download.',
        )}
      </Typography.Paragraph>
      <Flex wrap gap="small" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          defaultValue={values.q}
          placeholder={t('搜索文件名称或内容', 'Search title or text')}
          onSearch={(q) => update({ q: q.trim() })}
          style={{ width: 280 }}
          maxLength={100}
          data-testid="catalogue-search"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={values.regionCode}
          placeholder={t('全部地区', 'All regions')}
          options={regions}
          onChange={(regionCode?: string) => update({ regionCode })}
          style={{ width: 180 }}
          data-testid="catalogue-filter-region"
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={values.orgId}
          placeholder={t('全部制定机关', 'All organs')}
          loading={orgs.isLoading}
          options={(orgs.data?.items ?? [])
            .filter((o) => !values.regionCode || o.regionCode === values.regionCode)
            .map((o) => ({ value: o.id, label: `${o.name}（${o.docCount}）` }))}
          onChange={(orgId?: string) => update({ orgId })}
          style={{ width: 260 }}
          data-testid="catalogue-filter-org"
        />
        <InputNumber<number>
          min={1980}
          max={2100}
          value={filters.year ?? null}
          placeholder={t('公布年份', 'Year')}
          onChange={(y) => update({ year: y ?? undefined })}
          style={{ width: 120 }}
          data-testid="catalogue-filter-year"
        />
      </Flex>
      <Table<CatalogueItem>
        rowKey="id"
        size="middle"
        loading={list.isFetching}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onRow={(r) =>
          ({ 'data-testid': 'catalogue-row', 'data-id': r.id }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t(`共 ${n} 件`, `${n} documents`),
          onChange: (p, size) => update({ page: p, pageSize: size }),
        }}
        scroll={{ x: 1000 }}
      />
    </Card>
  );
}
