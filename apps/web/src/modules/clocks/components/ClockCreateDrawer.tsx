import type { DueDateUnit } from '@fazhi/contracts';
import { DatePicker, Drawer, Flex, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showSuccess } from '../../../platform/api';
import { toIsoDate } from '../../../platform/format';
import { applyServerErrors } from '../../../platform/forms';
import { dueDateUnitNames, unitLabel, useLabel, useT } from '../../../platform/i18n';
import { DrawerFormFooter } from '../../../platform/ui';
import { DueDatePreview } from '../../calendar';
import { OrgTreeSelect } from '../../org';
import { useCreateClock } from '../api';

interface Values {
  orgId?: string;
  title: string;
  startEvent: string;
  startDate: Dayjs;
  amount: number;
  unit: DueDateUnit;
  legalBasis: string;
  warningDays: number;
}

interface ClockCreateDrawerProps {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** 登记期限: what, from which event and date, how long, under which provision. */
export function ClockCreateDrawer({ open, onClose, onCreated }: ClockCreateDrawerProps) {
  const t = useT();
  const label = useLabel();
  const [form] = Form.useForm<Values>();
  const create = useCreateClock();
  const startDate = Form.useWatch('startDate', form);
  const amount = Form.useWatch('amount', form);
  const unit = Form.useWatch('unit', form);
  const start = toIsoDate(startDate);
  const preview = start && typeof amount === 'number' && unit ? { start, amount, unit } : null;

  const onFinish = (v: Values) => {
    const startIso = toIsoDate(v.startDate);
    if (!startIso) return;
    create.mutate(
      {
        orgId: v.orgId,
        title: v.title.trim(),
        subjectType: 'manual',
        subjectId: null,
        startEvent: v.startEvent.trim(),
        startDate: startIso,
        amount: v.amount,
        unit: v.unit,
        legalBasis: v.legalBasis.trim(),
        warningDays: v.warningDays,
      },
      {
        onSuccess: (clock) => {
          showSuccess(t('期限已登记', 'Time limit created'));
          onCreated(clock.id);
        },
        onError: (error) => applyServerErrors(form, error),
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={t('登记期限', 'New time limit')}
      footer={
        <DrawerFormFooter
          testId="clock-form"
          saving={create.isPending}
          onCancel={onClose}
          onSave={() => form.submit()}
        />
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ startDate: dayjs(), unit: 'working_days', warningDays: 3 }}
        onFinish={onFinish}
        data-testid="clock-form"
      >
        <Form.Item
          name="title"
          label={t('事项名称', 'Title')}
          rules={[
            { required: true, whitespace: true, message: t('请填写事项名称', 'Please enter the title') },
            { max: 200 },
          ]}
        >
          <Input
            placeholder={t('如：张三政府信息公开申请答复', 'e.g. reply to an information request')}
            data-testid="clock-form-title"
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label={t('承办单位', 'Organisation')}
          extra={t('留空则为本单位', 'Empty = your own organisation')}
        >
          <OrgTreeSelect placeholder={t('本单位', 'Own organisation')} testId="clock-form-org" />
        </Form.Item>
        <Form.Item
          name="startEvent"
          label={t('起算事件', 'Start event')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('请填写起算事件', 'Please enter the start event'),
            },
            { max: 60 },
          ]}
        >
          <Input
            placeholder={t('如：收到申请', 'e.g. request received')}
            data-testid="clock-form-start-event"
          />
        </Form.Item>
        <Form.Item
          name="startDate"
          label={t('起算日期', 'Start date')}
          rules={[{ required: true, message: t('请选择起算日期', 'Please choose the date') }]}
        >
          <DatePicker data-testid="clock-form-start-date" />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item
            name="amount"
            label={t('期限', 'Amount')}
            rules={[
              {
                required: true,
                type: 'integer',
                min: 0,
                max: 3650,
                message: t('请填写 0–3650 的整数', 'An integer 0–3650'),
              },
            ]}
          >
            <InputNumber min={0} max={3650} precision={0} data-testid="clock-form-amount" />
          </Form.Item>
          <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={dueDateUnitNames.map((u) => ({ value: u, label: label(unitLabel(u)) }))}
              data-testid="clock-form-unit"
            />
          </Form.Item>
        </Flex>
        <Form.Item style={{ marginTop: -8 }}>
          <DueDatePreview params={preview} />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('法律依据', 'Legal basis')}
          extra={t('法律名称及条款，如《政府信息公开条例》第三十三条', 'Law and article')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('请填写法律依据（法律名称及条款）', 'Please give the law and article'),
            },
            { min: 2, max: 200 },
          ]}
        >
          <Input data-testid="clock-form-legal-basis" />
        </Form.Item>
        <Form.Item
          name="warningDays"
          label={t('提前预警天数', 'Warn days before')}
          rules={[
            {
              required: true,
              type: 'integer',
              min: 0,
              max: 90,
              message: t('请填写 0–90 的整数', 'An integer 0–90'),
            },
          ]}
        >
          <InputNumber min={0} max={90} precision={0} data-testid="clock-form-warning-days" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
