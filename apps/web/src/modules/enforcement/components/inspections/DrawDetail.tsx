import { Descriptions, Table, Typography } from 'antd';
import { useT } from '../../../../platform/i18n';

type DrawView = {
  seed: string;
  algorithm: string;
  algorithmDescription: string;
  enterprisePoolHash: string;
  enterprisePoolSize: number;
  enterpriseCount: number;
  inspectorPoolSize: number;
  inspectorCount: number;
  drawnAt: string;
  publishedOn: string | null;
  enterprises: { uscc: string; name: string }[];
};

/** The reproducible record of a draw: seed, algorithm, pool hash and sizes, result. Shared by staff and portal. */
export function DrawDetail({ draw }: { draw: DrawView }) {
  const t = useT();
  return (
    <>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label={t('随机种子', 'Seed')}>
          <Typography.Text copyable code data-testid="draw-seed">
            {draw.seed}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('算法', 'Algorithm')}>{draw.algorithm}</Descriptions.Item>
        <Descriptions.Item label={t('算法说明', 'Description')}>
          {draw.algorithmDescription}
        </Descriptions.Item>
        <Descriptions.Item label={t('抽取库快照 SHA-256', 'Pool snapshot SHA-256')}>
          <Typography.Text copyable code style={{ wordBreak: 'break-all' }}>
            {draw.enterprisePoolHash}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('企业：抽取/库', 'Enterprises: drawn/pool')}>
          {draw.enterpriseCount} / {draw.enterprisePoolSize}
        </Descriptions.Item>
        <Descriptions.Item label={t('执法人员：抽取/库', 'Inspectors: drawn/pool')}>
          {draw.inspectorCount} / {draw.inspectorPoolSize}
        </Descriptions.Item>
        <Descriptions.Item label={t('抽取时间', 'Drawn at')}>
          {draw.drawnAt.slice(0, 19).replace('T', ' ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('公开日期', 'Published')}>
          {draw.publishedOn ?? t('未公开', 'Not published')}
        </Descriptions.Item>
      </Descriptions>
      <Table
        style={{ marginTop: 12 }}
        rowKey="uscc"
        size="small"
        pagination={{ pageSize: 50 }}
        dataSource={draw.enterprises.map((e, i) => ({ ...e, n: i + 1 }))}
        columns={[
          { title: t('抽取顺序', 'Order'), dataIndex: 'n', width: 90 },
          { title: t('统一社会信用代码', 'USCC'), dataIndex: 'uscc', width: 210 },
          { title: t('企业名称', 'Name'), dataIndex: 'name' },
        ]}
      />
    </>
  );
}
