import type { Draw } from '@fazhi/contracts';
import {
  Alert,
  Button,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { hasAction, useCan } from '../../../platform/access';
import { showError, showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { useCreateDraw, useDraw, useDraws, usePublishDraw, useVerifyDraw } from '../api/inspections';
import { DrawDetail } from '../components/inspections/DrawDetail';

type Summary = Omit<Draw, 'enterprises' | 'inspectorIds'>;

/** 双随机抽取: seeded, reproducible draws of enterprises and inspectors; re-run to verify; publish (一公开). */
export function DrawsPage() {
  const t = useT();
  const can = useCan();
  const [page, setPage] = useState(1);
  const list = useDraws({ page, pageSize: 20 });
  const [openId, setOpenId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const create = useCreateDraw();
  const [form] = Form.useForm();

  const columns: TableColumnsType<Summary> = [
    {
      title: t('抽取名称', 'Title'),
      render: (_, r) => (
        <Button type="link" onClick={() => setOpenId(r.id)} data-testid={`draw-open-${r.id}`}>
          {r.title}
        </Button>
      ),
    },
    { title: t('执法主体', 'Body'), width: 180, render: (_, r) => r.org.name },
    { title: t('种子', 'Seed'), dataIndex: 'seed', width: 160 },
    {
      title: t('企业 抽取/库', 'Drawn/pool'),
      width: 120,
      render: (_, r) => `${r.enterpriseCount}/${r.enterprisePoolSize}`,
    },
    {
      title: t('抽取时间', 'Drawn at'),
      width: 160,
      render: (_, r) => r.drawnAt.slice(0, 16).replace('T', ' '),
    },
    {
      title: t('公开', 'Published'),
      width: 110,
      render: (_, r) =>
        r.publishedOn ? <Tag color="green">{r.publishedOn}</Tag> : <Tag>{t('未公开', 'No')}</Tag>,
    },
  ];

  return (
    <PageCard
      title={t('双随机抽取', 'Random draws')}
      testId="draws-page"
      extra={
        can('enforcement.body') && (
          <Button type="primary" onClick={() => setCreating(true)} data-testid="draw-create">
            {t('新建抽取', 'New draw')}
          </Button>
        )
      }
    >
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items}
        pagination={{ current: page, total: list.data?.total, pageSize: 20, onChange: setPage }}
      />
      <Drawer
        open={creating}
        onClose={() => setCreating(false)}
        title={t('新建双随机抽取', 'New random draw')}
        width={520}
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ enterpriseCount: 10, inspectorCount: 2 }}
          onFinish={(v: {
            title: string;
            industry?: string;
            enterpriseCount: number;
            inspectorCount: number;
            seed?: string;
            usccs?: string;
          }) => {
            const usccList = v.usccs?.split(/\s+/).filter(Boolean);
            create.mutate(
              {
                title: v.title,
                criteria: v.industry ? { industry: v.industry } : {},
                usccList: usccList?.length ? usccList : undefined,
                enterpriseCount: v.enterpriseCount,
                inspectorCount: v.inspectorCount,
                seed: v.seed || undefined,
              },
              {
                onSuccess: (d) => {
                  setCreating(false);
                  form.resetFields();
                  setOpenId(d.id);
                },
                onError: showError,
              },
            );
          }}
        >
          <Form.Item name="title" label={t('抽取名称', 'Title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="industry" label={t('按行业筛选抽取库（留空为本辖区全部企业）', 'Industry filter')}>
            <Input />
          </Form.Item>
          <Form.Item
            name="usccs"
            label={t('或上传名单：统一社会信用代码，每行一个', 'Or a list of USCCs, one per line')}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space>
            <Form.Item name="enterpriseCount" label={t('抽取企业数', 'Enterprises')}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="inspectorCount" label={t('抽取执法人员数', 'Inspectors')}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
          <Form.Item
            name="seed"
            label={t('随机种子（留空自动生成并记录）', 'Seed (blank: random, recorded)')}
          >
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('抽取', 'Draw')}
          </Button>
        </Form>
      </Drawer>
      {openId && <DrawDrawer id={openId} onClose={() => setOpenId(undefined)} />}
    </PageCard>
  );
}

function DrawDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const draw = useDraw(id);
  const verify = useVerifyDraw();
  const publish = usePublishDraw();
  const [seed, setSeed] = useState<string>();
  const d = draw.data;
  return (
    <Drawer open onClose={onClose} width={760} title={d?.title}>
      {d && (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <Input
              placeholder={t('复核用种子（留空用记录的种子）', 'Seed to re-run (blank: recorded)')}
              onChange={(e) => setSeed(e.target.value)}
            />
            <Button
              onClick={() => verify.mutate({ id, seed }, { onError: showError })}
              data-testid="draw-verify"
            >
              {t('复核（重新抽取比对）', 'Re-run and compare')}
            </Button>
            {hasAction(d, 'publish') && (
              <Button
                type="primary"
                data-testid="draw-publish"
                onClick={() =>
                  publish.mutate(
                    { id, version: d.version },
                    { onSuccess: () => showSuccess(t('已公开', 'Published')), onError: showError },
                  )
                }
              >
                {t('公开结果', 'Publish')}
              </Button>
            )}
          </Space>
          {verify.data && (
            <Alert
              style={{ marginBottom: 12 }}
              type={verify.data.matchesRecorded ? 'success' : 'warning'}
              showIcon
              message={
                verify.data.matchesRecorded
                  ? t('重新抽取结果与记录一致', 'The re-run matches the recorded result')
                  : t(
                      `种子“${verify.data.seed}”的抽取结果与记录不同`,
                      `Seed "${verify.data.seed}" gives a different result`,
                    )
              }
              description={
                verify.data.snapshotIntact
                  ? undefined
                  : t('抽取库快照与记录的哈希不符！', 'Pool snapshot hash mismatch!')
              }
            />
          )}
          <DrawDetail draw={d} />
        </>
      )}
    </Drawer>
  );
}
