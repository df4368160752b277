import { PlusOutlined } from '@ant-design/icons';
import { EVALUATION_PARTICIPANTS, EVALUATION_RECOMMENDATIONS, type Evaluation } from '@fazhi/contracts';
import { Button, DatePicker, Flex, Form, Input, Modal, Radio, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { ExportButton, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { fromIsoDate, toIsoDate, today } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useCreateEvaluation, useEvaluations } from '../api/cleanup';

const REC_COLORS = { continue: 'green', amend: 'blue', repeal: 'red' } as const;

/** 后评估 of one document: the list and, for the issuing organ, a form to record one. */
export function EvaluationsPanel({ docId }: { docId: string }) {
  const t = useT();
  const list = useEvaluations(docId);
  const [adding, setAdding] = useState(false);
  return (
    <div data-testid="evaluations-panel">
      <Flex gap="small" justify="flex-end" style={{ marginBottom: 8 }}>
        <ExportButton
          listPath={`/api/normdocs/${encodeURIComponent(docId)}/evaluations`}
          filters={{}}
          fileBaseName={t('后评估', 'evaluations')}
          testId="evaluation-export"
        />
        {list.data?.canCreate && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="evaluation-add"
          >
            {t('登记后评估', 'Add evaluation')}
          </Button>
        )}
      </Flex>
      <Table<Evaluation>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items}
        pagination={false}
        columns={[
          { title: t('报告日期', 'Report date'), dataIndex: 'reportOn', width: 110 },
          { title: t('评估主体', 'Evaluator'), dataIndex: 'evaluator', width: 180 },
          {
            title: t('参与人员', 'Participants'),
            render: (_, e) => e.participants.map((p) => <Tag key={p}>{p}</Tag>),
          },
          { title: t('评估方式', 'Method'), dataIndex: 'method', width: 140 },
          { title: t('评估结论', 'Findings'), dataIndex: 'findings' },
          {
            title: t('建议', 'Recommendation'),
            width: 100,
            render: (_, e) => (
              <Tag color={REC_COLORS[e.recommendation]}>{EVALUATION_RECOMMENDATIONS[e.recommendation]}</Tag>
            ),
          },
        ]}
      />
      <EvaluationModal docId={docId} open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

type Values = {
  evaluator: string;
  participants: string[];
  method?: string;
  findings: string;
  recommendation: keyof typeof EVALUATION_RECOMMENDATIONS;
  reportOn: Dayjs;
};

function EvaluationModal({ docId, open, onClose }: { docId: string; open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvaluation(docId);
  const submit = async (v: Values) => {
    try {
      await create.mutateAsync({
        evaluator: v.evaluator,
        participants: v.participants ?? [],
        method: v.method ?? '',
        findings: v.findings,
        recommendation: v.recommendation,
        reportOn: toIsoDate(v.reportOn) ?? '',
      });
      showSuccess(t('已登记后评估', 'Evaluation recorded'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={open}
      title={t('登记后评估', 'Post-evaluation')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={create.isPending}
      okButtonProps={testIdProps('evaluation-submit')}
      destroyOnHidden
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ recommendation: 'continue', reportOn: fromIsoDate(today()), participants: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="evaluator"
          label={t('评估主体', 'Evaluator')}
          rules={[{ required: true, whitespace: true, message: t('请填写评估主体', 'Enter the evaluator') }]}
        >
          <Input
            maxLength={200}
            placeholder={t('制定机关 / 委托第三方', 'Issuing organ / third party')}
            data-testid="evaluation-evaluator"
          />
        </Form.Item>
        <Form.Item name="participants" label={t('参与人员', 'Participants')}>
          <Select
            mode="tags"
            options={EVALUATION_PARTICIPANTS.map((p) => ({ value: p, label: p }))}
            data-testid="evaluation-participants"
          />
        </Form.Item>
        <Form.Item name="method" label={t('评估方式', 'Method')}>
          <Input
            maxLength={500}
            placeholder={t('问卷调查、座谈会、实地调研', 'Survey, forum, field visit')}
          />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t('评估结论', 'Findings')}
          rules={[{ required: true, whitespace: true, message: t('请填写评估结论', 'Enter the findings') }]}
        >
          <Input.TextArea rows={4} maxLength={20000} data-testid="evaluation-findings" />
        </Form.Item>
        <Form.Item name="recommendation" label={t('评估建议', 'Recommendation')}>
          <Radio.Group
            options={Object.entries(EVALUATION_RECOMMENDATIONS).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Form.Item name="reportOn" label={t('评估报告日期', 'Report date')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
