import { Card, Flex, Input, InputNumber, List, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { usePublishedReports } from '../api/reports';

/** Portal: the published annual 法治政府建设 reports. */
export function PublishedReportsPage() {
  const t = useT();
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = usePublishedReports({ page, pageSize: 20, year, q });
  return (
    <Card data-testid="portal-reports">
      <Typography.Title level={3}>{t('法治政府建设年度报告', 'Annual rule-of-law reports')}</Typography.Title>
      <Flex gap="small" style={{ marginBottom: 16 }}>
        <InputNumber
          placeholder={t('年度', 'Year')}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => setYear(v ?? undefined)}
        />
        <Input.Search
          allowClear
          placeholder={t('标题关键词', 'Title')}
          onSearch={(v) => setQ(v || undefined)}
          style={{ maxWidth: 320 }}
        />
      </Flex>
      <List
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        renderItem={(r) => (
          <List.Item extra={formatDate(r.publishedOn)}>
            <List.Item.Meta
              title={
                <Link to={`/portal/reports/${r.id}`} data-testid={`portal-report-${r.id}`}>
                  {r.title}
                </Link>
              }
              description={`${r.orgName} · ${r.year}${t('年度', '')}`}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
