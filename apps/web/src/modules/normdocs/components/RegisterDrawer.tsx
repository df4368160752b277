import { CLASSIFICATIONS, type RegisterEntry } from '@fazhi/contracts';
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ExportButton, showError, showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import {
  registerEntriesListPath,
  useClassifyEntry,
  useRegister,
  useSampleRegister,
  useVerifySample,
} from '../api/registers';

const CLASS_COLORS = { normative: 'red', not_normative: 'default', uncertain: 'orange' } as const;

/** One register: summary, the reproducible sample (draw / verify) and the entries with their classification. */
export function RegisterDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const t = useT();
  const [sampledOnly, setSampledOnly] = useState(false);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const [classifying, setClassifying] = useState<RegisterEntry | null>(null);
  const detail = useRegister(id, { sampledOnly, ...paging });
  const reg = detail.data?.register;
  const [size, setSize] = useState<number | null>(null);
  const [seed, setSeed] = useState('');
  const sample = useSampleRegister();
  const verify = useVerifySample();

  const draw = async () => {
    if (!id || !size) return;
    try {
      const r = await sample.mutateAsync({
        id,
        input: { size, ...(seed.trim() ? { seed: seed.trim() } : {}) },
      });
      showSuccess(
        t(`已抽取 ${r.seqs.length} 条（种子 ${r.seed}）`, `Drew ${r.seqs.length} (seed ${r.seed})`),
      );
      setSampledOnly(true);
    } catch (error) {
      showError(error);
    }
  };
  const check = async () => {
    if (!id || !reg?.sampleSize) return;
    try {
      const r = await verify.mutateAsync({
        id,
        input: { size: reg.sampleSize, ...(reg.sampleSeed ? { seed: reg.sampleSeed } : {}) },
      });
      if (r.matchesRecorded) showSuccess(t('复核一致：重新抽取的样本与记录相同', 'Verified: same sample'));
      else showError(new Error(t('复核不一致：样本与记录不同', 'Mismatch with the recorded sample')));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={1000}
      title={reg?.title ?? t('发文目录', 'Register')}
      destroyOnHidden
      data-testid="register-drawer"
    >
      {reg && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('被核查单位', 'Organisation')}>{reg.org.name}</Descriptions.Item>
            <Descriptions.Item label={t('目录条数', 'Entries')}>{reg.entryCount}</Descriptions.Item>
            <Descriptions.Item label={t('目录期间', 'Period')}>
              {reg.periodFrom ? `${reg.periodFrom} ~ ${reg.periodTo ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('抽取份数', 'Sample size')}>
              {reg.sampleSize ?? '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('随机种子', 'Seed')}>
              <Typography.Text copyable={!!reg.sampleSeed}>{reg.sampleSeed ?? '—'}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('抽样时间', 'Sampled at')}>
              {reg.sampledAt ? formatDateTime(reg.sampledAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('已认定', 'Classified')}>{reg.classifiedCount}</Descriptions.Item>
            <Descriptions.Item label={t('属于规范性文件', 'Normative')}>
              {reg.normativeCount}
            </Descriptions.Item>
            <Descriptions.Item label={t('认定未备案', 'Unfiled')}>{reg.findingCount}</Descriptions.Item>
          </Descriptions>
          <Flex gap="small" wrap align="center" style={{ marginBottom: 8 }}>
            <InputNumber
              min={1}
              max={reg.entryCount}
              value={size}
              onChange={(v) => setSize(v)}
              placeholder={t('抽取份数', 'Size')}
              data-testid="register-sample-size"
            />
            <Input
              style={{ width: 220 }}
              value={seed}
              onChange={(e) => setSeed(e.target.value)}
              placeholder={t('随机种子（留空则随机生成）', 'Seed (blank: random)')}
              data-testid="register-sample-seed"
            />
            <Button
              type="primary"
              onClick={() => void draw()}
              loading={sample.isPending}
              disabled={!size}
              data-testid="register-sample"
            >
              {t('随机抽样', 'Draw sample')}
            </Button>
            <Button
              onClick={() => void check()}
              loading={verify.isPending}
              disabled={!reg.sampleSize}
              data-testid="register-sample-verify"
            >
              {t('复核抽样', 'Verify sample')}
            </Button>
            <ExportButton
              listPath={registerEntriesListPath(reg.id)}
              filters={{ sampledOnly: sampledOnly ? 'true' : undefined }}
              fileBaseName={t('发文目录', 'register')}
              testId="register-entries-export"
            />
          </Flex>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('抽样算法（可复现）', 'Sampling algorithm (reproducible)')}
            description={detail.data?.algorithmDescription}
          />
          <Flex gap="small" align="center" style={{ marginBottom: 8 }}>
            <Switch
              checked={sampledOnly}
              onChange={(v) => {
                setSampledOnly(v);
                setPaging({ ...paging, page: 1 });
              }}
              data-testid="register-sampled-only"
            />
            {t('只看样本', 'Sample only')}
          </Flex>
        </>
      )}
      <Table<RegisterEntry>
        rowKey="id"
        size="small"
        loading={detail.isLoading}
        dataSource={detail.data?.entries.items}
        data-testid="register-entries"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: detail.data?.entries.total,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
        columns={[
          { title: t('序号', 'No.'), dataIndex: 'seq', width: 70 },
          { title: t('发文字号', 'Doc number'), dataIndex: 'docNumber', width: 170 },
          { title: t('文件标题', 'Title'), dataIndex: 'title' },
          { title: t('发文日期', 'Date'), dataIndex: 'issuedOn', width: 110 },
          {
            title: t('样本', 'Sampled'),
            width: 70,
            render: (_, e) => (e.sampled ? <Tag color="blue">{t('抽中', 'Yes')}</Tag> : null),
          },
          {
            title: t('认定', 'Classification'),
            width: 200,
            render: (_, e) =>
              e.classification ? (
                <span title={e.reason ?? ''}>
                  <Tag color={CLASS_COLORS[e.classification]}>{CLASSIFICATIONS[e.classification]}</Tag>
                  {e.classifiedByName}
                  {e.findingId && <Tag color="red">{t('漏备', 'Unfiled')}</Tag>}
                </span>
              ) : (
                '—'
              ),
          },
          {
            title: t('操作', 'Actions'),
            width: 90,
            render: (_, e) =>
              e.findingId ? null : (
                <Button
                  type="link"
                  size="small"
                  onClick={() => setClassifying(e)}
                  data-testid={`register-classify-${e.seq}`}
                >
                  {t('认定', 'Classify')}
                </Button>
              ),
          },
        ]}
      />
      <ClassifyModal entry={classifying} onClose={() => setClassifying(null)} />
    </Drawer>
  );
}

function ClassifyModal({ entry, onClose }: { entry: RegisterEntry | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ classification: RegisterEntry['classification']; reason: string }>();
  const classify = useClassifyEntry();
  const submit = async (v: { classification: RegisterEntry['classification']; reason: string }) => {
    if (!entry || !v.classification) return;
    try {
      const r = await classify.mutateAsync({
        entryId: entry.id,
        input: { classification: v.classification, reason: v.reason },
      });
      showSuccess(
        r.finding
          ? t(`已认定为漏备，整改期限 ${r.finding.followUpDue ?? ''}`, 'Recorded as unfiled')
          : r.matchedDocId
            ? t('已认定；该文件已备案，无需生成漏备记录', 'Classified; the document was filed')
            : t('已认定', 'Classified'),
      );
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };
  return (
    <Modal
      open={!!entry}
      title={t('认定是否属于规范性文件', 'Classify')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      confirmLoading={classify.isPending}
      okButtonProps={testIdProps('register-classify-submit')}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {entry?.docNumber} {entry?.title}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ classification: entry?.classification ?? undefined, reason: entry?.reason ?? '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="classification"
          label={t('认定结果', 'Result')}
          rules={[{ required: true, message: t('请选择认定结果', 'Pick a result') }]}
        >
          <Radio.Group
            options={Object.entries(CLASSIFICATIONS).map(([value, label]) => ({ value, label }))}
            data-testid="register-classification"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('认定理由', 'Reason')}
          rules={[{ required: true, whitespace: true, message: t('请填写认定理由', 'Enter the reason') }]}
          extra={t(
            '属于规范性文件且未备案的，将生成漏备记录并开始30日整改期限',
            'Normative and unfiled: an unfiled finding with a 30-day follow-up is recorded',
          )}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="register-classify-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
