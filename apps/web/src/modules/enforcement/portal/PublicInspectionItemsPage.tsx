import { INSPECTION_CATEGORIES, INSPECTION_METHODS } from '@fazhi/contracts';
import { Card, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../platform/i18n';
import { usePublicInspectionItems } from '../api/inspections';

/** Portal: 涉企行政检查事项清单 — the published lists of every body ("清单之外无检查"). */
export function PublicInspectionItemsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState<string>();
  const list = usePublicInspectionItems({ page, pageSize: 20, q });
  return (
    <Card variant="borderless" data-testid="public-inspection-items-page">
      <Typography.Title level={4}>
        {t('涉企行政检查事项清单', 'Enterprise inspection items')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '清单之外无检查：行政机关只能就已公布的事项对企业实施行政检查。',
          'Only published items may be inspected.',
        )}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        style={{ maxWidth: 320, marginBottom: 12 }}
        placeholder={t('事项名称或编码', 'Name or code')}
        onSearch={(v) => {
          setQ(v || undefined);
          setPage(1);
        }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          { title: t('执法主体', 'Body'), width: 200, render: (_, r) => r.org.name },
          { title: t('编码', 'Code'), dataIndex: 'code', width: 110 },
          { title: t('检查事项', 'Item'), dataIndex: 'name' },
          { title: t('检查依据', 'Legal basis'), dataIndex: 'legalBasis' },
          { title: t('检查对象', 'Object'), dataIndex: 'object', width: 140 },
          { title: t('方式', 'Method'), width: 100, render: (_, r) => INSPECTION_METHODS[r.method] },
          { title: t('类别', 'Category'), width: 100, render: (_, r) => INSPECTION_CATEGORIES[r.category] },
          { title: t('频次', 'Frequency'), dataIndex: 'frequency', width: 140 },
          { title: t('公布日期', 'Published'), dataIndex: 'publishedOn', width: 110 },
        ]}
      />
    </Card>
  );
}
