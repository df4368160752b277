import { Button, Card, Drawer, Table, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../../platform/i18n';
import { usePublicDraw, usePublicDraws } from '../api/inspections';
import { DrawDetail } from '../components/inspections/DrawDetail';

/** Portal: 双随机抽查结果公示 — each result with its seed, algorithm and pool hash, so anyone can re-draw it. */
export function PublicDrawsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = usePublicDraws({ page, pageSize: 20 });
  const [openId, setOpenId] = useState<string>();
  const detail = usePublicDraw(openId);
  return (
    <Card variant="borderless" data-testid="public-draws-page">
      <Typography.Title level={4}>{t('双随机抽查结果公示', 'Random-draw results')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t(
          '每次抽取均公开随机种子、算法和抽取库快照哈希，任何人可按算法说明重新抽取并核对结果。',
          'Each draw publishes its seed, algorithm and pool hash so anyone can re-run it.',
        )}
      </Typography.Paragraph>
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
        columns={[
          {
            title: t('抽取名称', 'Title'),
            render: (_, r) => (
              <Button type="link" onClick={() => setOpenId(r.id)}>
                {r.title}
              </Button>
            ),
          },
          { title: t('执法主体', 'Body'), width: 200, render: (_, r) => r.org.name },
          { title: t('种子', 'Seed'), dataIndex: 'seed', width: 160 },
          {
            title: t('抽取/库', 'Drawn/pool'),
            width: 110,
            render: (_, r) => `${r.enterpriseCount}/${r.enterprisePoolSize}`,
          },
          { title: t('公开日期', 'Published'), dataIndex: 'publishedOn', width: 110 },
        ]}
      />
      <Drawer open={!!openId} onClose={() => setOpenId(undefined)} width={760} title={detail.data?.title}>
        {detail.data && <DrawDetail draw={detail.data} />}
      </Drawer>
    </Card>
  );
}
