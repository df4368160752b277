import {
  ANNUAL_REVIEW_RESULTS,
  CERTIFICATE_KINDS,
  CERTIFICATE_TRANSITIONS,
  type Certificate,
  type CertificateAction,
} from '@fazhi/contracts';
import { DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { fromIsoDate, toIsoDate, today } from '../../../../platform/format';
import { useT } from '../../../../platform/i18n';
import { useCertificateAction } from '../../api/officers';
import { FormModal, labelOptions } from './FormModal';

const iso = (v: unknown) => toIsoDate(v as Dayjs | undefined) ?? undefined;

/** One lifecycle action on a certificate, dated: 发证 and 换发 ask for the number and validity, 年审 for the result. */
export function CertificateActionModal({
  certificate,
  action,
  onClose,
}: {
  certificate: Pick<Certificate, 'id' | 'kind' | 'number' | 'version'>;
  action: CertificateAction | null;
  onClose: () => void;
}) {
  const t = useT();
  const act = useCertificateAction();
  if (!action) return null;
  const needsPeriod = action === 'issue' || action === 'renew';
  const title = `${CERTIFICATE_TRANSITIONS[action].zh} — ${CERTIFICATE_KINDS[certificate.kind]} ${certificate.number ?? ''}`;
  return (
    <FormModal
      open
      title={title}
      testId={`certificate-action-${action}`}
      initialValues={{ on: fromIsoDate(today()) }}
      onClose={onClose}
      onSubmit={(v) =>
        act.mutateAsync({
          id: certificate.id,
          action,
          version: certificate.version,
          on: iso(v.on),
          reason: (v.reason as string | undefined) || null,
          ...(needsPeriod ? { number: v.number, validFrom: iso(v.validFrom), validTo: iso(v.validTo) } : {}),
          ...(action === 'annual_review' ? { result: v.result } : {}),
        })
      }
    >
      <Form.Item name="on" label={t('办理日期', 'Date')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      {needsPeriod && (
        <>
          <Form.Item name="number" label={t('证号', 'Number')} rules={[{ required: true, min: 4 }]}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="validFrom" label={t('有效期起', 'Valid from')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="validTo" label={t('有效期至', 'Valid to')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </>
      )}
      {action === 'annual_review' && (
        <Form.Item name="result" label={t('年审结果', 'Result')} rules={[{ required: true }]}>
          <Select options={labelOptions(ANNUAL_REVIEW_RESULTS)} />
        </Form.Item>
      )}
      <Form.Item name="reason" label={t('说明', 'Note')}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
