import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  DELIBERATION_RESULTS,
  FAIR_COMPETITION_CONCLUSIONS,
  LEGALITY_OPINIONS,
  NORMDOC_TRANSITIONS,
  PUBLISH_CHANNELS,
  normdocTransitionSchema,
  type Normdoc,
  type NormdocAction,
} from '@fazhi/contracts';
import {
  Alert,
  App,
  AutoComplete,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { errorText, showSuccess } from '../../../platform/api';
import { fromIsoDate, toIsoDate } from '../../../platform/format';
import { applyServerErrors } from '../../../platform/forms';
import { useLabel, useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useNormdocTransition } from '../api/documents';

/** Steps that end a document or its drafting: asked twice. */
export const DESTRUCTIVE_ACTIONS: readonly NormdocAction[] = [
  'repeal',
  'abandon',
  'declare_invalid',
  'remove_from_catalog',
];

const DATE_FIELDS = [
  'opensOn',
  'meetingDate',
  'signedOn',
  'registeredOn',
  'publishedOn',
  'effectiveOn',
  'validUntil',
  'endedOn',
] as const;

type Values = Record<string, unknown>;

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** The date-typed form values as 'YYYY-MM-DD'; empty optional fields dropped. */
function toInput(action: NormdocAction, doc: Normdoc, v: Values): Record<string, unknown> {
  const out: Record<string, unknown> = { action, version: doc.version };
  for (const [k, value] of Object.entries(v)) {
    if (value === undefined || value === null || value === '') continue;
    if ((DATE_FIELDS as readonly string[]).includes(k)) out[k] = toIsoDate(value as Dayjs);
    else if (typeof value === 'string') out[k] = value.trim();
    else out[k] = value;
  }
  if (action === 'publish' && Array.isArray(out.channels)) {
    out.channels = (out.channels as { channel?: string; url?: string }[])
      .filter((c) => c?.channel?.trim())
      .map((c) => ({ channel: c.channel?.trim(), url: c.url?.trim() || undefined }));
  }
  return out;
}

function initialValues(action: NormdocAction, doc: Normdoc): Values {
  const today = dayjs();
  switch (action) {
    case 'open_comment':
      return { opensOn: today, days: 30, draftText: doc.body };
    case 'record_opinion':
      return { suggestionCount: 0 };
    case 'deliberate':
      return { meetingDate: today, result: 'adopted' };
    case 'sign':
      return { signedOn: today };
    case 'register':
      return { registeredOn: today };
    case 'publish':
      return { publishedOn: today, effectiveOn: today, channels: [{ channel: '政府网站', url: '' }] };
    case 'expire':
      return { endedOn: fromIsoDate(doc.validUntil)?.add(1, 'day') ?? today };
    case 'amend':
    case 'repeal':
    case 'declare_invalid':
    case 'remove_from_catalog':
      return { endedOn: today };
    default:
      return {};
  }
}

interface TransitionModalProps {
  doc: Normdoc;
  /** The action whose form is open; null = closed. */
  action: NormdocAction | null;
  onClose: () => void;
}

/** One lifecycle step: the fields its contract variant records, then POST …/transitions. */
export function TransitionModal({ doc, action, onClose }: TransitionModalProps) {
  const t = useT();
  const label = useLabel();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const transition = useNormdocTransition();
  const [problem, setProblem] = useState<string | null>(null);

  if (!action) return null;
  const step = NORMDOC_TRANSITIONS[action];

  const send = async (input: Record<string, unknown>) => {
    setProblem(null);
    try {
      await transition.mutateAsync({ id: doc.id, input: normdocTransitionSchema.parse(input) });
      showSuccess(t(`已${step.zh}`, `${step.en}: done`));
      onClose();
    } catch (error) {
      setProblem(errorText(error));
      applyServerErrors(form, error);
    }
  };

  const onFinish = (v: Values) => {
    const input = toInput(action, doc, v);
    const parsed = normdocTransitionSchema.safeParse(input);
    if (!parsed.success) {
      const known = new Set(Object.keys(form.getFieldsValue(true) as Values));
      const fields = parsed.error.issues
        .map((i) => ({ name: String(i.path[0] ?? ''), errors: [i.message] }))
        .filter((f) => known.has(f.name));
      if (fields.length) form.setFields(fields);
      else setProblem(parsed.error.issues[0]?.message ?? t('填写有误', 'Invalid input'));
      return;
    }
    if (!DESTRUCTIVE_ACTIONS.includes(action)) {
      void send(input);
      return;
    }
    modal.confirm({
      title: t(`确定${step.zh}？`, `${step.en}?`),
      content: t(
        '此操作不可撤销，将记入办理流程。',
        'This cannot be undone and is recorded on the timeline.',
      ),
      okText: t('确定', 'OK'),
      okButtonProps: { danger: true, ...testIdProps('action-submit-confirm') },
      cancelText: t('取消', 'Cancel'),
      onOk: () => send(input),
    });
  };

  return (
    <Modal
      open
      title={label(step)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={{ danger: DESTRUCTIVE_ACTIONS.includes(action), ...testIdProps('action-submit') }}
      confirmLoading={transition.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(action, doc)}
        onFinish={onFinish}
        data-testid={`action-form-${action}`}
      >
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 16 }}
            data-testid="action-error"
          />
        )}
        <ActionFields action={action} doc={doc} />
        <Form.Item name="note" label={t('备注', 'Note')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} data-testid="action-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const req = (message: string) => ({ required: true, whitespace: true, message });

function DateField({ name, label, required = true }: { name: string; label: string; required?: boolean }) {
  const t = useT();
  return (
    <Form.Item
      name={name}
      label={label}
      rules={required ? [{ required: true, message: t(`请选择${label}`, `Please choose: ${label}`) }] : []}
    >
      <DatePicker style={{ width: 200 }} data-testid={`action-${name}`} />
    </Form.Item>
  );
}

function TextField(props: {
  name: string;
  label: string;
  rows?: number;
  required?: boolean;
  extra?: ReactNode;
}) {
  const t = useT();
  const { name, label, rows, required = true, extra } = props;
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={required ? [req(t(`请填写${label}`, `Please fill in: ${label}`))] : []}
    >
      {rows ? (
        <Input.TextArea rows={rows} data-testid={`action-${name}`} />
      ) : (
        <Input data-testid={`action-${name}`} />
      )}
    </Form.Item>
  );
}

/** The fields of one action's variant of `normdocTransitionSchema`. */
function ActionFields({ action, doc }: { action: NormdocAction; doc: Normdoc }) {
  const t = useT();
  const reasons: Partial<Record<NormdocAction, [string, string]>> = {
    amend: ['修改理由', 'Reason for amendment'],
    repeal: ['废止理由', 'Reason for repeal'],
    declare_invalid: ['失效理由', 'Reason'],
    remove_from_catalog: ['剔除理由', 'Reason for removal'],
    abandon: ['终止理由', 'Reason for abandoning'],
    return_for_materials: ['退回理由', 'Reason for return'],
  };
  const reasonLabel = (a: NormdocAction) => t(...(reasons[a] ?? ['理由', 'Reason']));
  switch (action) {
    case 'finish_assessment':
      return (
        <>
          <TextField
            name="participants"
            label={t('参与评估论证的单位和人员', 'Participants')}
            required={false}
          />
          <TextField name="conclusion" label={t('评估论证结论', 'Conclusion')} rows={4} />
        </>
      );
    case 'open_comment':
      return (
        <>
          <Flex gap="middle" wrap>
            <DateField name="opensOn" label={t('开始日期', 'Opens on')} />
            <Form.Item
              name="days"
              label={t('征求意见期（日）', 'Period (days)')}
              rules={[
                { required: true, type: 'integer', min: 1, max: 180, message: t('1–180 日', '1–180 days') },
              ]}
            >
              <InputNumber min={1} max={180} precision={0} data-testid="action-days" />
            </Form.Item>
          </Flex>
          <TextField
            name="shortenedReason"
            label={t('缩短征求意见期的理由', 'Reason for a shorter period')}
            rows={2}
            required={false}
            extra={t(
              '征求意见期短于本地区默认期限（一般不少于30日）时必须说明理由',
              'Required when the period is shorter than the default',
            )}
          />
          <TextField
            name="draftText"
            label={t('公开的草案文本', 'Draft text published')}
            rows={6}
            required={false}
          />
        </>
      );
    case 'close_comment':
      return (
        <TextField name="adoptionExplanation" label={t('采纳情况说明', 'Explanation of adoption')} rows={5} />
      );
    case 'finish_fair_competition':
      return (
        <Form.Item
          name="conclusion"
          label={t('审查结论', 'Conclusion')}
          rules={[{ required: true, message: t('请选择审查结论', 'Please choose') }]}
        >
          <Select options={options(FAIR_COMPETITION_CONCLUSIONS)} data-testid="action-conclusion" />
        </Form.Item>
      );
    case 'return_for_materials':
    case 'abandon':
      return <TextField name="reason" label={reasonLabel(action)} rows={3} />;
    case 'record_opinion':
      return (
        <>
          <Flex gap="middle" wrap>
            <Form.Item
              name="opinion"
              label={t('审核意见', 'Opinion')}
              rules={[{ required: true, message: t('请选择审核意见', 'Please choose') }]}
            >
              <Select
                options={options(LEGALITY_OPINIONS)}
                style={{ width: 200 }}
                data-testid="action-opinion"
              />
            </Form.Item>
            <Form.Item
              name="suggestionCount"
              label={t('修改意见条数', 'Suggestions')}
              rules={[{ required: true, type: 'integer', min: 0, max: 1000 }]}
            >
              <InputNumber min={0} max={1000} precision={0} data-testid="action-suggestionCount" />
            </Form.Item>
          </Flex>
          <TextField name="opinionText" label={t('审核意见书内容', 'Opinion text')} rows={5} />
        </>
      );
    case 'deliberate':
      return (
        <>
          <TextField
            name="meeting"
            label={t('会议名称', 'Meeting')}
            extra={t('如：市政府第12次常务会议', 'e.g. 12th executive meeting')}
          />
          <Flex gap="middle" wrap>
            <DateField name="meetingDate" label={t('会议日期', 'Meeting date')} />
            <Form.Item
              name="result"
              label={t('审议结果', 'Result')}
              rules={[{ required: true, message: t('请选择审议结果', 'Please choose') }]}
            >
              <Select
                options={options(DELIBERATION_RESULTS)}
                style={{ width: 160 }}
                data-testid="action-result"
              />
            </Form.Item>
          </Flex>
        </>
      );
    case 'sign':
      return (
        <Flex gap="middle" wrap>
          <TextField name="signedBy" label={t('签发人', 'Signed by')} />
          <DateField name="signedOn" label={t('签发日期', 'Signed on')} />
        </Flex>
      );
    case 'register':
      return <DateField name="registeredOn" label={t('登记日期', 'Registered on')} />;
    case 'publish':
      return (
        <>
          <Flex gap="middle" wrap>
            <DateField name="publishedOn" label={t('公布日期', 'Published on')} />
            <DateField name="effectiveOn" label={t('施行日期', 'Effective on')} />
            <DateField name="validUntil" label={t('有效期至', 'Valid until')} required={false} />
          </Flex>
          <Form.Item
            label={t('发布渠道', 'Channels')}
            extra={t(
              '有效期至可不填：默认施行日期起5年（暂行、试行2年）',
              'Validity defaults to 5 years (provisional: 2)',
            )}
          >
            <Form.List name="channels">
              {(fields, { add, remove }) => (
                <Flex vertical gap={8}>
                  {fields.map((f) => (
                    <Flex key={f.key} gap={8}>
                      <Form.Item
                        name={[f.name, 'channel']}
                        noStyle
                        rules={[req(t('请填写发布渠道', 'Channel'))]}
                      >
                        <AutoComplete
                          options={PUBLISH_CHANNELS.map((c) => ({ value: c }))}
                          style={{ width: 160 }}
                          placeholder={t('渠道', 'Channel')}
                          data-testid={`action-channel-${f.name}`}
                        />
                      </Form.Item>
                      <Form.Item name={[f.name, 'url']} noStyle>
                        <Input
                          placeholder="https://…"
                          style={{ flex: 1 }}
                          data-testid={`action-channel-url-${f.name}`}
                        />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />
                    </Flex>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ channel: '', url: '' })}>
                    {t('添加发布渠道', 'Add a channel')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
        </>
      );
    case 'amend':
    case 'repeal':
    case 'declare_invalid':
    case 'remove_from_catalog':
      return (
        <>
          <TextField name="reason" label={reasonLabel(action)} rows={3} />
          <DateField name="endedOn" label={t('失效日期', 'Ended on')} />
        </>
      );
    case 'expire':
      return (
        <DateField
          name="endedOn"
          label={
            doc.validUntil
              ? t(`失效日期（有效期至 ${doc.validUntil}）`, `Ended on (valid until ${doc.validUntil})`)
              : t('失效日期', 'Ended on')
          }
        />
      );
    default:
      return null;
  }
}
