import type { DueDateUnit } from '@fazhi/contracts';
import { Alert, Button, Card, DatePicker, Flex, Form, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorText } from '../../../platform/api';
import { toIsoDate } from '../../../platform/format';
import { amountLabel, dueDateUnitNames, unitLabel, useLabel, useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { useDueDate, type DueDateParams } from '../api';
import { DueDateView } from '../components';

interface Values {
  start: Dayjs;
  amount: number;
  unit: DueDateUnit;
}

/** 期限计算器: start date + amount + unit → the due date under the holiday calendar. */
export function DueDatePage() {
  const t = useT();
  const label = useLabel();
  const [params, setParams] = useState<DueDateParams | null>(null);
  const due = useDueDate(params);

  const onFinish = (v: Values) => {
    const start = toIsoDate(v.start);
    if (start) setParams({ start, amount: v.amount, unit: v.unit });
  };

  return (
    <PageCard title={t('期限计算器', 'Due-date calculator')} testId="due-date-page">
      <Typography.Paragraph type="secondary">
        {t(
          '按法定期限规则计算到期日：期限自起算日的次日开始计算；期限届满日为法定节假日的，顺延至节假日后的第一个工作日；工作日期限扣除节假日并计入调休上班日。',
          'Counting starts the day after the start date; a limit ending on a public holiday moves to the next working day; working-day limits skip holidays and count make-up workdays.',
        )}
      </Typography.Paragraph>
      <Form<Values>
        layout="inline"
        initialValues={{ start: dayjs(), amount: 15, unit: 'working_days' }}
        onFinish={onFinish}
        style={{ rowGap: 12, marginBottom: 24 }}
        data-testid="due-form"
      >
        <Form.Item
          name="start"
          label={t('起算日期', 'Start date')}
          rules={[{ required: true, message: t('请选择起算日期', 'Please choose the start date') }]}
        >
          <DatePicker allowClear={false} data-testid="due-start" />
        </Form.Item>
        <Form.Item
          name="amount"
          label={t('期限', 'Amount')}
          rules={[
            { required: true, message: t('请填写期限', 'Please enter the amount') },
            { type: 'integer', min: 0, max: 3650, message: t('期限应为 0–3650 的整数', 'An integer 0–3650') },
          ]}
        >
          <InputNumber min={0} max={3650} precision={0} data-testid="due-amount" />
        </Form.Item>
        <Form.Item name="unit" label={t('单位', 'Unit')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={dueDateUnitNames.map((u) => ({ value: u, label: label(unitLabel(u)) }))}
            data-testid="due-unit"
          />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={due.isFetching} data-testid="due-submit">
            {t('计算', 'Calculate')}
          </Button>
        </Form.Item>
      </Form>
      {due.isError && <Alert type="error" showIcon title={errorText(due.error)} />}
      {params && due.data && (
        <Card size="small" data-testid="due-result">
          <Flex vertical gap="small">
            <Typography.Text type="secondary">
              {t('自', 'From')} {params.start} {t('起', '')} {label(amountLabel(params.amount, params.unit))}
              {t('，到期日为：', ', due on:')}
            </Typography.Text>
            <DueDateView result={due.data} />
            {due.data.provisional && (
              <Typography.Text type="warning">
                {t(
                  '该结果涉及节假日安排尚未正式公布的年度，国务院办公厅公布后到期日可能变化，届时系统将自动重新计算。',
                  'This involves a year whose holiday arrangement is not yet official; the due date may change once it is published.',
                )}
              </Typography.Text>
            )}
          </Flex>
        </Card>
      )}
    </PageCard>
  );
}
