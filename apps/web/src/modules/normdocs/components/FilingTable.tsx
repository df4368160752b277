import {
  FILING_REGISTRATION_RESULTS,
  FILING_REVIEW_RESULTS,
  type Filing,
  type FilingAction,
} from '@fazhi/contracts';
import { Button, Space, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../platform/i18n';
import { CorrectionReportModal, OutcomeModal, SubmitFilingModal } from './FilingModals';
import { FilingDue, FilingStatusTag, RecipientText } from './FilingTags';

type Open = { action: FilingAction; filing: Filing } | null;

const ACTION_LABELS: Partial<Record<FilingAction, [string, string]>> = {
  submit: ['报送', 'Submit'],
  resubmit: ['重新报送', 'Resubmit'],
  report_correction: ['报告纠正', 'Report correction'],
  record_outcome: ['登记结果', 'Record outcome'],
};

/** The submitting side's filings, with the steps the server allows the caller (`actions`). */
export function FilingTable({
  filings,
  loading,
  showDoc = true,
  pagination,
}: {
  filings: Filing[];
  loading?: boolean;
  showDoc?: boolean;
  pagination?: { current: number; pageSize: number; total: number; onChange: (p: number, s: number) => void };
}) {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const pick = (action: FilingAction) => (open?.action === action ? open.filing : null);

  return (
    <>
      <Table<Filing>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={filings}
        data-testid="filing-table"
        pagination={
          pagination
            ? { ...pagination, showSizeChanger: true, showTotal: (n) => t(`共 ${n} 条`, `${n} in total`) }
            : false
        }
        columns={[
          ...(showDoc
            ? [
                {
                  title: t('文件', 'Document'),
                  key: 'doc',
                  render: (_: unknown, f: Filing) => (
                    <Space direction="vertical" size={0}>
                      <Link to={`/normdocs/${f.docId}`}>{f.docTitle}</Link>
                      <Typography.Text type="secondary">
                        {[f.registrationNumber, f.org.name].filter(Boolean).join(' · ')}
                      </Typography.Text>
                    </Space>
                  ),
                },
              ]
            : []),
          {
            title: t('备案机关', 'Recipient'),
            key: 'recipient',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <RecipientText kind={f.recipientKind} />
                {f.recipientOrg && <Typography.Text type="secondary">{f.recipientOrg.name}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('报送期限', 'Due'), key: 'due', render: (_, f) => <FilingDue filing={f} /> },
          {
            title: t('报送日期', 'Submitted'),
            dataIndex: 'submittedOn',
            render: (v: string | null) => v ?? '—',
          },
          {
            title: t('状态', 'Status'),
            key: 'status',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                <FilingStatusTag status={f.status} />
                {f.registrationNote && (
                  <Typography.Text type="secondary" data-testid="filing-registration-note">
                    {f.registrationNote}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('结果', 'Result'),
            key: 'result',
            render: (_, f) => (
              <Space direction="vertical" size={0}>
                {f.registrationResult && <span>{FILING_REGISTRATION_RESULTS[f.registrationResult]}</span>}
                {f.reviewResult && <span>{FILING_REVIEW_RESULTS[f.reviewResult]}</span>}
                {f.correctionDue && (
                  <Typography.Text type={f.correctionDoneOn ? 'secondary' : 'warning'}>
                    {t(`纠正期限 ${f.correctionDue}`, `Correct by ${f.correctionDue}`)}
                    {f.correctionDoneOn
                      ? t(`，${f.correctionDoneOn} 已纠正`, `, done ${f.correctionDoneOn}`)
                      : ''}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('操作', 'Actions'),
            key: 'actions',
            render: (_, f) => (
              <Space wrap>
                {f.actions.map((a) => {
                  const label = ACTION_LABELS[a];
                  if (!label) return null;
                  return (
                    <Tooltip
                      key={a}
                      title={
                        a === 'record_outcome'
                          ? t('接收机关不在本系统，按其通知登记', 'Recipient outside the system')
                          : undefined
                      }
                    >
                      <Button
                        size="small"
                        onClick={() => setOpen({ action: a, filing: f })}
                        data-testid={`filing-${a}`}
                      >
                        {t(label[0], label[1])}
                      </Button>
                    </Tooltip>
                  );
                })}
              </Space>
            ),
          },
        ]}
      />
      <SubmitFilingModal filing={pick('submit')} resubmit={false} onClose={close} />
      <SubmitFilingModal filing={pick('resubmit')} resubmit onClose={close} />
      <CorrectionReportModal filing={pick('report_correction')} onClose={close} />
      <OutcomeModal filing={pick('record_outcome')} onClose={close} />
    </>
  );
}
