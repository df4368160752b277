import { UNFILED_FINDING_STATUSES, type UnfiledFinding, type UnfiledFindingStatus } from '@fazhi/contracts';
import { Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { toIsoDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useFollowUpFinding, useUnfiledFindings, type FindingFilters } from '../api/registers';

const STATUS_COLORS = { open: 'red', rectifying: 'orange', closed: 'green' } as const;

/** 漏备 findings with their follow-up (整改中 / 已办结). */
export function UnfiledFindingsTable() {
  const t = useT();
  const [filters, setFilters] = useState<FindingFilters>({ page: 1, pageSize: 20 });
  const [editing, setEditing] = useState<UnfiledFinding | null>(null);
  const findings = useUnfiledFindings(filters);
  return (
    <>
      <Flex gap="small" wrap style={{ marginBottom: 12 }}>
        <Select<UnfiledFindingStatus>
          allowClear
          style={{ width: 160 }}
          placeholder={t('状态', 'Status')}
          value={filters.status}
          onChange={(status) => setFilters({ ...filters, status, page: 1 })}
          options={Object.entries(UNFILED_FINDING_STATUSES).map(([value, label]) => ({
            value: value as UnfiledFindingStatus,
            label,
          }))}
        />
        <ExportButton
          listPath="/api/normdocs/unfiled-findings"
          filters={{ ...filters }}
          fileBaseName={t('认定未备案', 'unfiled-findings')}
          testId="finding-export"
        />
      </Flex>
      <Table<UnfiledFinding>
        rowKey="id"
        size="middle"
        loading={findings.isLoading}
        dataSource={findings.data?.items}
        data-testid="finding-table"
        pagination={{
          current: filters.page,
          pageSize: filters.pageSize,
          total: findings.data?.total,
          onChange: (page, pageSize) => setFilters({ ...filters, page, pageSize }),
        }}
        columns={[
          { title: t('文件标题', 'Title'), dataIndex: 'title' },
          { title: t('发文字号', 'Doc number'), dataIndex: 'docNumber', width: 160 },
          { title: t('制定机关', 'Organ'), render: (_, f) => f.org.name },
          { title: t('认定日期', 'Found on'), dataIndex: 'foundOn', width: 110 },
          { title: t('整改期限', 'Due'), dataIndex: 'followUpDue', width: 110 },
          {
            title: t('状态', 'Status'),
            width: 90,
            render: (_, f) => <Tag color={STATUS_COLORS[f.status]}>{UNFILED_FINDING_STATUSES[f.status]}</Tag>,
          },
          {
            title: t('跟进情况', 'Follow-up'),
            render: (_, f) => <span style={{ whiteSpace: 'pre-line' }}>{f.followUp}</span>,
          },
          {
            title: t('操作', 'Actions'),
            width: 90,
            render: (_, f) =>
              f.status === 'closed' ? null : (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setEditing(f)}
                  data-testid="finding-follow-up"
                >
                  {t('跟进', 'Follow up')}
                </Button>
              ),
          },
        ]}
      />
      <FollowUpModal finding={editing} onClose={() => setEditing(null)} />
    </>
  );
}

type Values = { status: 'rectifying' | 'closed'; note: string; docId?: string; closedOn?: Dayjs };

function FollowUpModal({ finding, onClose }: { finding: UnfiledFinding | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const followUp = useFollowUpFinding();
  const status = Form.useWatch('status', form);
  const submit = async (v: Values) => {
    if (!finding) return;
    try {
      await followUp.mutateAsync({
        id: finding.id,
        input: {
          version: finding.version,
          status: v.status,
          note: v.note,
          ...(v.docId?.trim() ? { docId: v.docId.trim() } : {}),
          ...(v.status === 'closed' && v.closedOn ? { closedOn: toIsoDate(v.closedOn) ?? undefined } : {}),
        },
      });
      showSuccess(t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={!!finding}
      title={t('跟进漏备记录', 'Follow up')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={followUp.isPending}
      okButtonProps={testIdProps('finding-follow-up-submit')}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: 'rectifying' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="status" label={t('状态', 'Status')}>
          <Radio.Group
            options={[
              { value: 'rectifying', label: UNFILED_FINDING_STATUSES.rectifying },
              { value: 'closed', label: UNFILED_FINDING_STATUSES.closed },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('跟进情况', 'Note')}
          rules={[{ required: true, whitespace: true, message: t('请填写跟进情况', 'Enter a note') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="finding-note" />
        </Form.Item>
        <Form.Item name="docId" label={t('补办备案的文件编号（可选）', 'Filed document id (optional)')}>
          <Input placeholder="00000000-0000-0000-0000-000000000000" />
        </Form.Item>
        {status === 'closed' && (
          <Form.Item name="closedOn" label={t('办结日期（默认今天）', 'Closed on (default today)')}>
            <DatePicker />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
