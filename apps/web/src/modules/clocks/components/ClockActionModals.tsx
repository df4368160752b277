import type { Clock, DueDateUnit } from '@fazhi/contracts';
import { DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { showSuccess } from '../../../platform/api';
import { DATE_FORMAT } from '../../../platform/format';
import { dueDateUnitNames, unitLabel, useLabel, useT } from '../../../platform/i18n';
import { useCompleteClock, useEndPause, useExtendClock, usePauseClock } from '../api';
import { ActionModal } from './ActionModal';

const iso = (d: Dayjs) => d.format(DATE_FORMAT);
const notBefore = (start: string) => (d: Dayjs) => d.isBefore(dayjs(start), 'day');

interface ModalProps {
  clock: Clock;
  open: boolean;
  onClose: () => void;
}

interface PauseValues {
  kind: 'suspend' | 'correction';
  from: Dayjs;
  to?: Dayjs;
  reason: string;
}

/** 中止 / 补正: the clock stops counting from `from` (to `to`, or until ended). */
export function PauseModal({ clock, open, onClose }: ModalProps) {
  const t = useT();
  const pause = usePauseClock();
  return (
    <ActionModal<PauseValues>
      open={open}
      onClose={onClose}
      title={t('中止 / 补正', 'Suspend / request correction')}
      submitTestId="pause-submit"
      initialValues={{ kind: 'suspend', from: dayjs() }}
      onSubmit={async (v) => {
        await pause.mutateAsync({
          id: clock.id,
          input: {
            kind: v.kind,
            from: iso(v.from),
            to: v.to ? iso(v.to) : null,
            reason: v.reason.trim(),
            version: clock.version,
          },
        });
        showSuccess(t('已登记', 'Recorded'));
      }}
    >
      <Form.Item name="kind" label={t('类型', 'Kind')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'suspend', label: t('中止', 'Suspension') },
            { value: 'correction', label: t('补正', 'Correction') },
          ]}
          data-testid="pause-kind"
        />
      </Form.Item>
      <Form.Item
        name="from"
        label={t('开始日期', 'From')}
        rules={[{ required: true, message: t('请选择开始日期', 'Please choose the date') }]}
      >
        <DatePicker disabledDate={notBefore(clock.startDate)} data-testid="pause-from" />
      </Form.Item>
      <Form.Item
        name="to"
        label={t('结束日期', 'To')}
        extra={t('尚未结束的留空，结束时再登记', 'Leave empty if still running')}
      >
        <DatePicker data-testid="pause-to" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('原因', 'Reason')}
        rules={[
          { required: true, whitespace: true, message: t('请填写中止/补正原因', 'Please give the reason') },
          { max: 200 },
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="pause-reason" />
      </Form.Item>
    </ActionModal>
  );
}

/** Ends an open pause. */
export function EndPauseModal({ clock, pauseId, open, onClose }: ModalProps & { pauseId: string | null }) {
  const t = useT();
  const end = useEndPause();
  const from = clock.pauses.find((p) => p.id === pauseId)?.from ?? clock.startDate;
  return (
    <ActionModal<{ to: Dayjs }>
      open={open && pauseId !== null}
      onClose={onClose}
      title={t('恢复计时（结束中止 / 补正）', 'Resume (end suspension / correction)')}
      submitTestId="end-pause-submit"
      initialValues={{ to: dayjs() }}
      onSubmit={async (v) => {
        if (!pauseId) return;
        await end.mutateAsync({ id: clock.id, pauseId, input: { to: iso(v.to), version: clock.version } });
        showSuccess(t('已恢复计时', 'The clock runs again'));
      }}
    >
      <Form.Item
        name="to"
        label={t('结束日期', 'Ended on')}
        rules={[{ required: true, message: t('请选择结束日期', 'Please choose the date') }]}
      >
        <DatePicker disabledDate={notBefore(from)} data-testid="end-pause-to" />
      </Form.Item>
    </ActionModal>
  );
}

interface ExtendValues {
  amount: number;
  unit: DueDateUnit;
  approver: string;
  reason: string;
  approvedOn: Dayjs;
}

/** 延长: approved by whom, when, why. */
export function ExtendModal({ clock, open, onClose }: ModalProps) {
  const t = useT();
  const label = useLabel();
  const extend = useExtendClock();
  return (
    <ActionModal<ExtendValues>
      open={open}
      onClose={onClose}
      title={t('延长期限', 'Extend')}
      submitTestId="extension-submit"
      initialValues={{ unit: clock.unit, approvedOn: dayjs() }}
      onSubmit={async (v) => {
        await extend.mutateAsync({
          id: clock.id,
          input: {
            amount: v.amount,
            unit: v.unit,
            approver: v.approver.trim(),
            reason: v.reason.trim(),
            approvedOn: iso(v.approvedOn),
            version: clock.version,
          },
        });
        showSuccess(t('已延长', 'Extended'));
      }}
    >
      <Form.Item label={t('延长', 'Extend by')} required>
        <Form.Item
          name="amount"
          noStyle
          rules={[
            {
              required: true,
              type: 'integer',
              min: 1,
              max: 365,
              message: t('请填写 1–365 的整数', 'An integer 1–365'),
            },
          ]}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            style={{ width: 120 }}
            data-testid="extension-amount"
          />
        </Form.Item>
        <Form.Item name="unit" noStyle rules={[{ required: true }]}>
          <Select
            options={dueDateUnitNames.map((u) => ({ value: u, label: label(unitLabel(u)) }))}
            style={{ width: 140, marginInlineStart: 8 }}
            data-testid="extension-unit"
          />
        </Form.Item>
      </Form.Item>
      <Form.Item
        name="approver"
        label={t('批准人', 'Approved by')}
        rules={[
          { required: true, whitespace: true, message: t('请填写批准人', 'Please name the approver') },
          { max: 30 },
        ]}
      >
        <Input data-testid="extension-approver" />
      </Form.Item>
      <Form.Item name="approvedOn" label={t('批准日期', 'Approved on')} rules={[{ required: true }]}>
        <DatePicker data-testid="extension-approved-on" />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('延长理由', 'Reason')}
        rules={[
          { required: true, whitespace: true, message: t('请填写延长理由', 'Please give the reason') },
          { max: 200 },
        ]}
      >
        <Input.TextArea rows={3} maxLength={200} showCount data-testid="extension-reason" />
      </Form.Item>
    </ActionModal>
  );
}

/** 办结 — irreversible, so it asks once more. */
export function CompleteModal({ clock, open, onClose }: ModalProps) {
  const t = useT();
  const complete = useCompleteClock();
  return (
    <ActionModal<{ completedOn: Dayjs }>
      open={open}
      onClose={onClose}
      title={t('办结', 'Complete')}
      submitTestId="complete-submit"
      initialValues={{ completedOn: dayjs() }}
      confirm={t(
        `确定将“${clock.title}”登记为已办结？办结后不能撤销。`,
        `Mark “${clock.title}” completed? This cannot be undone.`,
      )}
      onSubmit={async (v) => {
        await complete.mutateAsync({
          id: clock.id,
          input: { completedOn: iso(v.completedOn), version: clock.version },
        });
        showSuccess(t('已办结', 'Completed'));
      }}
    >
      <Form.Item name="completedOn" label={t('办结日期', 'Completed on')} rules={[{ required: true }]}>
        <DatePicker
          disabledDate={(d) => d.isAfter(dayjs(), 'day') || notBefore(clock.startDate)(d)}
          data-testid="complete-date"
        />
      </Form.Item>
    </ActionModal>
  );
}
