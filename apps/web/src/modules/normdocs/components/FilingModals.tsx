import {
  CORRECTION_FORMS,
  FILING_MATERIALS,
  FILING_REGISTRATION_RESULTS,
  FILING_REQUIRED_MATERIALS,
  FILING_REVIEW_RESULTS,
  REVIEW_HANDLINGS,
  REVIEW_ISSUES,
  type Filing,
  type FilingReview,
} from '@fazhi/contracts';
import { Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { showSuccess } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { fromIsoDate, toIsoDate, today } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import {
  useAssignReview,
  useCorrectionResult,
  useFilingAssignees,
  useRecordOutcome,
  useRegisterFiling,
  useReportCorrection,
  useReviewFiling,
  useSubmitFiling,
} from '../api/filings';

// The modal forms of the filing steps, on both sides. Dates are picked as Dayjs and sent as YYYY-MM-DD.

type Values = Record<string, unknown>;
const iso = (v: unknown) => toIsoDate(v as Dayjs | undefined) ?? '';
const options = (map: Record<string, string>) =>
  Object.entries(map).map(([value, label]) => ({ value, label }));

function StepModal({
  open,
  title,
  testId,
  initialValues,
  onClose,
  onSubmit,
  children,
}: {
  open: boolean;
  title: string;
  testId: string;
  initialValues?: Values;
  onClose: () => void;
  onSubmit: (values: Values) => Promise<unknown>;
  children: ReactNode;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [pending, setPending] = useState(false);
  const send = async (values: Values) => {
    setPending(true);
    try {
      await onSubmit(values);
      showSuccess(t('已保存', 'Saved'));
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('提交', 'Submit')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={testIdProps(`${testId}-submit`)}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void send(v)}
        data-testid={testId}
      >
        {children}
      </Form>
    </Modal>
  );
}

const required = (message: string) => [{ required: true, message }];

type FilingModalProps = { filing: Pick<Filing, 'id' | 'version'> | null; onClose: () => void };

/** 报送备案 / 补正后重新报送: date and materials. */
export function SubmitFilingModal({ filing, resubmit, onClose }: FilingModalProps & { resubmit: boolean }) {
  const t = useT();
  const submit = useSubmitFiling();
  return (
    <StepModal
      open={!!filing}
      title={resubmit ? t('补正后重新报送', 'Resubmit after supplement') : t('报送备案', 'Submit filing')}
      testId="filing-submit-form"
      initialValues={{ submittedOn: fromIsoDate(today()), materials: [...FILING_REQUIRED_MATERIALS] }}
      onClose={onClose}
      onSubmit={(v) =>
        submit.mutateAsync({
          id: filing?.id ?? '',
          resubmit,
          input: {
            version: filing?.version ?? 0,
            submittedOn: iso(v.submittedOn),
            materials: v.materials as FilingSubmitMaterials,
            note: (v.note as string | undefined) ?? '',
          },
        })
      }
    >
      <Form.Item
        name="submittedOn"
        label={t('报送日期', 'Submitted on')}
        rules={required(t('请选择报送日期', 'Pick a date'))}
      >
        <DatePicker data-testid="filing-submitted-on" />
      </Form.Item>
      <Form.Item
        name="materials"
        label={t('报送材料', 'Materials')}
        extra={t(
          '备案报告、正式文本、制定说明为必备材料',
          'Report, official text and explanation are required',
        )}
      >
        <Checkbox.Group options={options(FILING_MATERIALS)} data-testid="filing-materials" />
      </Form.Item>
      <Form.Item name="note" label={t('备注', 'Note')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </StepModal>
  );
}
type FilingSubmitMaterials = (
  'report' | 'official_text' | 'explanation' | 'legality_opinion' | 'electronic_text'
)[];

/** 报告纠正情况 (filing organ). */
export function CorrectionReportModal({ filing, onClose }: FilingModalProps) {
  const t = useT();
  const report = useReportCorrection();
  return (
    <StepModal
      open={!!filing}
      title={t('报告纠正情况', 'Report correction')}
      testId="filing-correction-form"
      initialValues={{ correctionDoneOn: fromIsoDate(today()) }}
      onClose={onClose}
      onSubmit={(v) =>
        report.mutateAsync({
          id: filing?.id ?? '',
          input: {
            version: filing?.version ?? 0,
            correctionDoneOn: iso(v.correctionDoneOn),
            note: String(v.note ?? ''),
          },
        })
      }
    >
      <Form.Item
        name="correctionDoneOn"
        label={t('纠正日期', 'Corrected on')}
        rules={required(t('请选择日期', 'Pick a date'))}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('纠正情况', 'What was corrected')}
        rules={required(t('请填写纠正情况', 'Describe the correction'))}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="filing-correction-note" />
      </Form.Item>
    </StepModal>
  );
}

/** 登记备案结果 reported by a recipient outside the system (人大常委会, 上级主管部门). */
export function OutcomeModal({ filing, onClose }: FilingModalProps) {
  const t = useT();
  const record = useRecordOutcome();
  return (
    <StepModal
      open={!!filing}
      title={t('登记备案结果', 'Record outcome')}
      testId="filing-outcome-form"
      initialValues={{ registrationResult: 'registered', registeredOn: fromIsoDate(today()) }}
      onClose={onClose}
      onSubmit={(v) =>
        record.mutateAsync({
          id: filing?.id ?? '',
          input: {
            version: filing?.version ?? 0,
            registrationResult: v.registrationResult as 'registered',
            registeredOn: iso(v.registeredOn),
            registrationNote: (v.registrationNote as string | undefined) || undefined,
            reviewResult: (v.reviewResult as 'passed' | undefined) || undefined,
            reviewedOn: v.reviewedOn ? iso(v.reviewedOn) : undefined,
            correctionDue: v.correctionDue ? iso(v.correctionDue) : undefined,
          },
        })
      }
    >
      <Form.Item
        name="registrationResult"
        label={t('登记结果', 'Registration')}
        rules={required(t('请选择', 'Required'))}
      >
        <Radio.Group options={options(FILING_REGISTRATION_RESULTS)} />
      </Form.Item>
      <Form.Item
        name="registeredOn"
        label={t('登记日期', 'Registered on')}
        rules={required(t('请选择日期', 'Pick a date'))}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="registrationNote"
        label={t('说明（暂缓登记须写明补正内容）', 'Note (what to supplement)')}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="reviewResult" label={t('审查结果（如已审查）', 'Review result (if reviewed)')}>
        <Select allowClear options={options(FILING_REVIEW_RESULTS)} />
      </Form.Item>
      <Form.Item name="reviewedOn" label={t('审查日期', 'Reviewed on')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="correctionDue" label={t('纠正期限', 'Correction due')}>
        <DatePicker />
      </Form.Item>
    </StepModal>
  );
}

type ReviewModalProps = { review: Pick<FilingReview, 'id' | 'version'> | null; onClose: () => void };

/** 备案登记: 予以备案登记 / 暂缓登记-补正 / 不予备案. */
export function RegisterModal({ review, onClose }: ReviewModalProps) {
  const t = useT();
  const register = useRegisterFiling();
  return (
    <StepModal
      open={!!review}
      title={t('备案登记', 'Register filing')}
      testId="filing-register-form"
      initialValues={{ result: 'registered', registeredOn: fromIsoDate(today()) }}
      onClose={onClose}
      onSubmit={(v) =>
        register.mutateAsync({
          id: review?.id ?? '',
          input: {
            version: review?.version ?? 0,
            result: v.result as 'registered',
            registeredOn: iso(v.registeredOn),
            note: String(v.note ?? ''),
          },
        })
      }
    >
      <Form.Item name="result" label={t('登记结果', 'Result')} rules={required(t('请选择', 'Required'))}>
        <Radio.Group options={options(FILING_REGISTRATION_RESULTS)} data-testid="filing-register-result" />
      </Form.Item>
      <Form.Item
        name="registeredOn"
        label={t('登记日期', 'Registered on')}
        rules={required(t('请选择日期', 'Pick a date'))}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('说明', 'Note')}
        extra={t(
          '暂缓登记须写明需要补正的材料；不予备案须写明理由',
          'Say what to supplement or why it is not accepted',
        )}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </StepModal>
  );
}

export function AssignModal({ review, onClose }: ReviewModalProps) {
  const t = useT();
  const assign = useAssignReview();
  const assignees = useFilingAssignees(!!review);
  return (
    <StepModal
      open={!!review}
      title={t('分配审查人', 'Assign reviewer')}
      testId="filing-assign-form"
      onClose={onClose}
      onSubmit={(v) =>
        assign.mutateAsync({
          id: review?.id ?? '',
          input: { version: review?.version ?? 0, assigneeId: String(v.assigneeId ?? '') },
        })
      }
    >
      <Form.Item
        name="assigneeId"
        label={t('审查人', 'Reviewer')}
        rules={required(t('请选择审查人', 'Pick a reviewer'))}
      >
        <Select
          showSearch
          optionFilterProp="label"
          loading={assignees.isLoading}
          options={(assignees.data?.items ?? []).map((u) => ({
            value: u.id,
            label: `${u.name}（${u.orgName}）`,
          }))}
          data-testid="filing-assignee"
        />
      </Form.Item>
    </StepModal>
  );
}

/** 审查结论: issues, handling, opinion; a correction period when something must be corrected. */
export function ReviewModal({ review, onClose }: ReviewModalProps) {
  const t = useT();
  const submit = useReviewFiling();
  return (
    <StepModal
      open={!!review}
      title={t('出具审查结论', 'Record review')}
      testId="filing-review-form"
      initialValues={{
        reviewedOn: fromIsoDate(today()),
        handling: 'no_issue',
        issues: [],
        correctionDays: 30,
      }}
      onClose={onClose}
      onSubmit={(v) =>
        submit.mutateAsync({
          id: review?.id ?? '',
          input: {
            version: review?.version ?? 0,
            reviewedOn: iso(v.reviewedOn),
            handling: v.handling as 'no_issue',
            issues: (v.issues as 'inappropriate'[] | undefined) ?? [],
            opinionText: String(v.opinionText ?? ''),
            correctionDays: Number(v.correctionDays ?? 30),
          },
        })
      }
    >
      <Form.Item
        name="reviewedOn"
        label={t('审查日期', 'Reviewed on')}
        rules={required(t('请选择日期', 'Pick a date'))}
      >
        <DatePicker />
      </Form.Item>
      <Form.Item name="issues" label={t('发现的问题', 'Issues found')}>
        <Checkbox.Group options={options(REVIEW_ISSUES)} data-testid="filing-review-issues" />
      </Form.Item>
      <Form.Item name="handling" label={t('处理方式', 'Handling')} rules={required(t('请选择', 'Required'))}>
        <Radio.Group options={options(REVIEW_HANDLINGS)} data-testid="filing-review-handling" />
      </Form.Item>
      <Form.Item name="opinionText" label={t('审查意见', 'Opinion')}>
        <Input.TextArea rows={4} maxLength={20000} data-testid="filing-review-opinion" />
      </Form.Item>
      <Form.Item
        name="correctionDays"
        label={t('纠正期限（日）', 'Days to correct')}
        extra={t('有问题时计入期限台账，默认30日', 'Tracked in the time-limit ledger; default 30 days')}
      >
        <InputNumber min={1} max={180} />
      </Form.Item>
    </StepModal>
  );
}

export function CorrectionResultModal({ review, onClose }: ReviewModalProps) {
  const t = useT();
  const submit = useCorrectionResult();
  return (
    <StepModal
      open={!!review}
      title={t('登记纠正结果', 'Record correction result')}
      testId="filing-correction-result-form"
      initialValues={{ corrected: true, correctionForm: 'amended', date: fromIsoDate(today()) }}
      onClose={onClose}
      onSubmit={(v) =>
        submit.mutateAsync({
          id: review?.id ?? '',
          input: {
            version: review?.version ?? 0,
            corrected: Boolean(v.corrected),
            correctionForm: v.corrected ? (v.correctionForm as 'amended') : undefined,
            date: iso(v.date),
            note: String(v.note ?? ''),
          },
        })
      }
    >
      <Form.Item name="corrected" label={t('是否已纠正', 'Corrected?')}>
        <Radio.Group
          options={[
            { value: true, label: t('已纠正', 'Yes') },
            { value: false, label: t('未纠正', 'No') },
          ]}
        />
      </Form.Item>
      <Form.Item name="correctionForm" label={t('纠正方式', 'Form')}>
        <Radio.Group options={options(CORRECTION_FORMS)} />
      </Form.Item>
      <Form.Item name="date" label={t('日期', 'Date')} rules={required(t('请选择日期', 'Pick a date'))}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={t('说明（未纠正须说明情况）', 'Note (required if not corrected)')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </StepModal>
  );
}
