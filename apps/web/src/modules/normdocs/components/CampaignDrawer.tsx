import { DownloadOutlined } from '@ant-design/icons';
import {
  CLEANUP_CAMPAIGN_STATUSES,
  CLEANUP_KINDS,
  CLEANUP_RESULTS,
  type CleanupItem,
  type CleanupResult,
} from '@fazhi/contracts';
import { Button, DatePicker, Descriptions, Drawer, Flex, Form, Input, Modal, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { hasAction } from '../../../platform/access';
import { downloadFile, ExportButton, showError, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { fromIsoDate, toIsoDate, today } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { ConfirmButton, testIdProps } from '../../../platform/ui';
import {
  campaignPath,
  itemQuery,
  useApplyCampaign,
  useCampaign,
  useCampaignItems,
  useDecideItem,
  useRecordDecision,
  type ItemFilters,
} from '../api/cleanup';

const RESULT_COLORS: Record<CleanupResult, string> = {
  keep: 'green',
  amend: 'blue',
  repeal: 'red',
  declare_invalid: 'volcano',
  remove_from_catalog: 'default',
};
const resultOptions = Object.entries(CLEANUP_RESULTS).map(([value, label]) => ({
  value: value as CleanupResult,
  label,
}));

/** One campaign: its worklist with result editing, the decision and the application of the results. */
export function CampaignDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useT();
  const [filters, setFilters] = useState<ItemFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<CleanupItem | null>(null);
  const [deciding, setDeciding] = useState(false);
  const campaign = useCampaign(id);
  const items = useCampaignItems(id, filters);
  const apply = useApplyCampaign();
  const c = campaign.data;
  const canEdit = !!c && hasAction(c, 'decide_items');

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={1100}
      title={c?.title}
      destroyOnHidden
      data-testid="cleanup-drawer"
    >
      {c && (
        <>
          <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('类型', 'Kind')}>
              {CLEANUP_KINDS[c.kind]}
              {c.topic ? `：${c.topic}` : ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('截止日期', 'Cut-off')}>{c.cutoffDate}</Descriptions.Item>
            <Descriptions.Item label={t('状态', 'Status')}>
              {CLEANUP_CAMPAIGN_STATUSES[c.status]}
            </Descriptions.Item>
            <Descriptions.Item label={t('清理文件', 'Documents')}>
              {c.itemCount}（{t('未提出意见', 'undecided')} {c.undecidedCount}）
            </Descriptions.Item>
            <Descriptions.Item label={t('清理决定', 'Decision')}>
              {c.decisionDocNumber ? `${c.decisionDocNumber}（${c.decisionDate}）` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('生效日期', 'Effective')}>{c.effectiveOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('清理范围', 'Scope')} span={3}>
              {c.scopeOrgs.map((o) => o.name).join('、')}
            </Descriptions.Item>
          </Descriptions>
          <Flex gap="small" wrap style={{ marginBottom: 12 }}>
            <Select<CleanupResult | 'undecided'>
              allowClear
              style={{ width: 160 }}
              placeholder={t('清理结果', 'Result')}
              value={filters.result}
              onChange={(result) => setFilters({ ...filters, result, page: 1 })}
              options={[{ value: 'undecided' as const, label: t('未提出', 'Undecided') }, ...resultOptions]}
            />
            <Input.Search
              allowClear
              style={{ width: 240 }}
              placeholder={t('标题、文号', 'Title or number')}
              onSearch={(q) => setFilters({ ...filters, q: q.trim() || undefined, page: 1 })}
            />
            <ExportButton
              listPath={campaignPath(c.id, '/items')}
              filters={itemQuery(filters)}
              fileBaseName={t('清理清单', 'worklist')}
              testId="cleanup-items-export"
            />
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                void downloadFile(
                  campaignPath(c.id, '/catalogue.xlsx'),
                  undefined,
                  '清理结果目录.xlsx',
                ).catch(showError)
              }
              data-testid="cleanup-catalogue-export"
            >
              {t('导出结果目录', 'Results catalogue')}
            </Button>
            {hasAction(c, 'decide') && (
              <Button type="primary" onClick={() => setDeciding(true)} data-testid="cleanup-decide">
                {t('作出清理决定', 'Record decision')}
              </Button>
            )}
            {hasAction(c, 'apply') && (
              <ConfirmButton
                type="primary"
                danger
                testId="cleanup-apply"
                title={t('执行清理结果？', 'Apply the results?')}
                description={t(
                  '废止、宣布失效、剔除目录的文件将自生效日期起失效；修改的文件将生成新版本草稿。此操作不可撤销。',
                  'Repealed, invalid and removed documents leave force on the effective date; amended ones get a new draft. This cannot be undone.',
                )}
                onConfirm={async () => {
                  const r = await apply.mutateAsync({ id: c.id, version: c.version });
                  showSuccess(
                    t(
                      `已执行：${r.applied} 件变更，${r.kept} 件继续有效${r.skipped.length ? `，${r.skipped.length} 件已另行失效` : ''}`,
                      `Applied: ${r.applied} changed, ${r.kept} kept`,
                    ),
                  );
                }}
              >
                {t('执行清理结果', 'Apply results')}
              </ConfirmButton>
            )}
          </Flex>
        </>
      )}
      <Table<CleanupItem>
        rowKey="docId"
        size="small"
        loading={items.isLoading}
        dataSource={items.data?.items}
        data-testid="cleanup-items"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: items.data?.total,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
        columns={[
          { title: t('文件标题', 'Title'), dataIndex: 'title' },
          { title: t('统一登记号', 'Registration no.'), dataIndex: 'registrationNumber', width: 150 },
          { title: t('制定机关', 'Organ'), render: (_, i) => i.org.name, width: 160 },
          { title: t('施行日期', 'Effective'), dataIndex: 'effectiveOn', width: 100 },
          {
            title: t('清理结果', 'Result'),
            width: 240,
            render: (_, i) =>
              i.result ? (
                <span>
                  <Tag color={RESULT_COLORS[i.result]}>{CLEANUP_RESULTS[i.result]}</Tag>
                  {i.reason}
                </span>
              ) : (
                <Tag>{t('未提出', 'Undecided')}</Tag>
              ),
          },
          {
            title: t('操作', 'Actions'),
            width: 80,
            render: (_, i) =>
              canEdit ? (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(i)}
                  data-testid="cleanup-item-edit"
                >
                  {t('处理意见', 'Result')}
                </Button>
              ) : null,
          },
        ]}
      />
      {c && <ItemModal campaignId={c.id} item={editing} onClose={() => setEditing(null)} />}
      {c && (
        <DecisionModal
          open={deciding}
          campaignId={c.id}
          version={c.version}
          onClose={() => setDeciding(false)}
        />
      )}
    </Drawer>
  );
}

function ItemModal({
  campaignId,
  item,
  onClose,
}: {
  campaignId: string;
  item: CleanupItem | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ result: CleanupResult; reason?: string }>();
  const result = Form.useWatch('result', form);
  const decide = useDecideItem();
  const submit = async (v: { result: CleanupResult; reason?: string }) => {
    if (!item) return;
    try {
      await decide.mutateAsync({
        id: campaignId,
        docId: item.docId,
        input: { result: v.result, reason: v.reason ?? '' },
      });
      showSuccess(t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={!!item}
      title={item?.title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={decide.isPending}
      okButtonProps={testIdProps('cleanup-item-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ result: item?.result ?? 'keep', reason: item?.reason ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="result" label={t('清理结果', 'Result')}>
          <Select options={resultOptions} data-testid="cleanup-item-result" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('理由', 'Reason')}
          rules={
            result && result !== 'keep'
              ? [
                  {
                    required: true,
                    whitespace: true,
                    message: t('除“继续有效”外须填写理由', 'Reason required'),
                  },
                ]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="cleanup-item-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

type DecisionValues = { decisionDocNumber: string; decisionDate: Dayjs; effectiveOn: Dayjs };

function DecisionModal({
  open,
  campaignId,
  version,
  onClose,
}: {
  open: boolean;
  campaignId: string;
  version: number;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<DecisionValues>();
  const record = useRecordDecision();
  const submit = async (v: DecisionValues) => {
    try {
      await record.mutateAsync({
        id: campaignId,
        input: {
          version,
          decisionDocNumber: v.decisionDocNumber,
          decisionDate: toIsoDate(v.decisionDate) ?? '',
          effectiveOn: toIsoDate(v.effectiveOn) ?? '',
        },
      });
      showSuccess(t('已作出清理决定', 'Decision recorded'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('作出清理决定', 'Record the decision')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={record.isPending}
      okButtonProps={testIdProps('cleanup-decide-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ decisionDate: fromIsoDate(today()), effectiveOn: fromIsoDate(today()) }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="decisionDocNumber"
          label={t('清理决定文号', 'Decision number')}
          rules={[{ required: true, whitespace: true, message: t('请填写清理决定文号', 'Enter the number') }]}
        >
          <Input maxLength={100} placeholder="某政〔2026〕1号" data-testid="cleanup-decision-number" />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('决定日期', 'Decision date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="effectiveOn"
          label={t('生效日期', 'Effective on')}
          rules={[{ required: true }]}
          extra={t('清理结果自该日起适用（如“自本决定印发之日起失效”）', 'Results apply from this day')}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
