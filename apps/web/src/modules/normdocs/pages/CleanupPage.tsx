import { PlusOutlined } from '@ant-design/icons';
import {
  CLEANUP_CAMPAIGN_STATUSES,
  CLEANUP_KINDS,
  CLEANUP_RESULTS,
  CLEANUP_TOPICS,
  type CleanupCampaign,
  type CleanupCampaignStatus,
  type CleanupKind,
} from '@fazhi/contracts';
import { AutoComplete, Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useCan } from '../../../platform/access';
import { ExportButton, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { toIsoDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { PageCard, testIdProps } from '../../../platform/ui';
import { useCampaigns, useCreateCampaign, type CampaignFilters } from '../api/cleanup';
import { CampaignDrawer } from '../components/CampaignDrawer';

type CampaignRow = Omit<CleanupCampaign, 'scopeOrgs'>;
const STATUS_COLORS = { open: 'processing', decided: 'warning', applied: 'success' } as const;

/** 文件清理: campaigns (全面 / 专项 / 动态), their worklists, results, decision and application. */
export function CleanupPage() {
  const t = useT();
  const can = useCan();
  const [filters, setFilters] = useState<CampaignFilters>({ page: 1, pageSize: 20 });
  const [openId, setOpenId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaigns(filters);

  return (
    <PageCard
      title={t('文件清理', 'Clean-up')}
      testId="cleanup-page"
      extra={
        <>
          <ExportButton
            listPath="/api/normdocs/cleanup-campaigns"
            filters={{ ...filters }}
            fileBaseName={t('文件清理', 'clean-up')}
            testId="cleanup-export"
          />
          {can('normdoc.review') && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="cleanup-create"
            >
              {t('发起清理', 'New campaign')}
            </Button>
          )}
        </>
      }
    >
      <Flex gap="small" style={{ marginBottom: 12 }}>
        <Select<CleanupCampaignStatus>
          allowClear
          style={{ width: 180 }}
          placeholder={t('状态', 'Status')}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status, page: 1 })}
          options={Object.entries(CLEANUP_CAMPAIGN_STATUSES).map(([value, label]) => ({
            value: value as CleanupCampaignStatus,
            label,
          }))}
        />
      </Flex>
      <Table<CampaignRow>
        rowKey="id"
        size="middle"
        loading={campaigns.isLoading}
        dataSource={campaigns.data?.items}
        data-testid="cleanup-table"
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: campaigns.data?.total,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
        columns={[
          { title: t('清理名称', 'Title'), dataIndex: 'title' },
          {
            title: t('类型', 'Kind'),
            width: 160,
            render: (_, c) => `${CLEANUP_KINDS[c.kind]}${c.topic ? `：${c.topic}` : ''}`,
          },
          { title: t('截止日期', 'Cut-off'), dataIndex: 'cutoffDate', width: 110 },
          {
            title: t('清理结果', 'Results'),
            render: (_, c) =>
              `${c.itemCount} ${t('件', '')}` +
              (Object.keys(c.resultCounts).length
                ? `（${Object.entries(c.resultCounts)
                    .map(([k, n]) => `${CLEANUP_RESULTS[k as keyof typeof CLEANUP_RESULTS]} ${n}`)
                    .join('，')}）`
                : ''),
          },
          { title: t('清理决定', 'Decision'), dataIndex: 'decisionDocNumber', width: 160 },
          { title: t('生效日期', 'Effective'), dataIndex: 'effectiveOn', width: 110 },
          {
            title: t('状态', 'Status'),
            width: 130,
            render: (_, c) => (
              <Tag color={STATUS_COLORS[c.status]}>{CLEANUP_CAMPAIGN_STATUSES[c.status]}</Tag>
            ),
          },
        ]}
      />
      <CampaignDrawer id={openId} onClose={() => setOpenId(undefined)} />
      <CreateCampaignModal open={creating} onClose={() => setCreating(false)} onDone={setOpenId} />
    </PageCard>
  );
}

type CreateValues = { title: string; kind: CleanupKind; topic?: string; cutoffDate: Dayjs };

function CreateCampaignModal({
  open,
  onClose,
  onDone,
}: {
  open: boolean;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<CreateValues>();
  const kind = Form.useWatch('kind', form);
  const create = useCreateCampaign();
  const submit = async (v: CreateValues) => {
    try {
      const c = await create.mutateAsync({
        title: v.title,
        kind: v.kind,
        ...(v.topic ? { topic: v.topic } : {}),
        cutoffDate: toIsoDate(v.cutoffDate) ?? '',
      });
      showSuccess(t(`已生成清理清单：${c.itemCount} 件`, `Worklist: ${c.itemCount} documents`));
      onClose();
      onDone(c.id);
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('发起清理', 'New clean-up campaign')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('生成清理清单', 'Create worklist')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={create.isPending}
      okButtonProps={testIdProps('cleanup-create-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'full' }} onFinish={(v) => void submit(v)}>
        <Form.Item
          name="title"
          label={t('清理名称', 'Title')}
          rules={[{ required: true, whitespace: true, message: t('请填写清理名称', 'Enter a title') }]}
        >
          <Input maxLength={200} placeholder="2025年度行政规范性文件全面清理" data-testid="cleanup-title" />
        </Form.Item>
        <Form.Item name="kind" label={t('清理类型', 'Kind')}>
          <Radio.Group
            options={Object.entries(CLEANUP_KINDS).map(([value, label]) => ({ value, label }))}
            data-testid="cleanup-kind"
          />
        </Form.Item>
        {kind === 'special' && (
          <Form.Item
            name="topic"
            label={t('专项主题', 'Topic')}
            rules={[{ required: true, message: t('专项清理须填写清理主题', 'Enter the topic') }]}
          >
            <AutoComplete options={CLEANUP_TOPICS.map((v) => ({ value: v }))} data-testid="cleanup-topic" />
          </Form.Item>
        )}
        <Form.Item
          name="cutoffDate"
          label={t('截止日期（此日前施行的现行有效文件纳入清理）', 'Cut-off date')}
          rules={[{ required: true, message: t('请选择截止日期', 'Pick a date') }]}
          extra={t('清理范围默认为本辖区全部单位', 'Scope: every organisation of your jurisdiction')}
        >
          <DatePicker data-testid="cleanup-cutoff" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
