import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { CollectionTarget } from '@fazhi/contracts';
import { Alert, Button, Descriptions, Popconfirm, Result, Skeleton, Space, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router';
import { downloadFile, showError, showSuccess } from '../../../platform/api';
import { formatDate, formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import {
  targetPath,
  useDeleteEvidence,
  useSaveTarget,
  useTarget,
  useTargetStep,
  useUploadEvidence,
  useUploadWorkbook,
} from '../api/collection';
import { TargetStatusTag } from '../components/CollectionTags';
import { draftOf, SubmissionForm, type Draft } from '../components/SubmissionForm';

function saveBody(target: CollectionTarget, draft: Draft) {
  return {
    version: target.version,
    values: target.values.map((v) => {
      const d = draft.values[v.code];
      return {
        code: v.code,
        value: v.isRate ? null : (d?.value ?? null),
        numerator: v.isRate ? (d?.numerator ?? null) : null,
        denominator: v.isRate ? (d?.denominator ?? null) : null,
        note: d?.note ?? '',
      };
    }),
    narratives: target.sections.map((s) => ({ code: s.code as 'g1', text: draft.narratives[s.code] ?? '' })),
  };
}

/** 填报 — the organisation fills its values, evidence and narratives; saves, submits, the head signs off. */
export function SubmissionPage() {
  const t = useT();
  const { targetId } = useParams();
  const q = useTarget(targetId);
  const save = useSaveTarget();
  const step = useTargetStep();
  const upEvidence = useUploadEvidence();
  const delEvidence = useDeleteEvidence();
  const upWorkbook = useUploadWorkbook();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const target = q.data;

  useEffect(() => {
    if (target) {
      setDraft(draftOf(target));
      setDirty(false);
    }
  }, [target]);

  if (q.isLoading) return <Skeleton active />;
  if (q.isError || !target || !draft)
    return <Result status="404" title={t('填报记录不存在或无权访问', 'Not found or no access')} />;

  const editable = target.actions.includes('edit');
  const onSave = async (): Promise<CollectionTarget | null> => {
    try {
      const saved = await save.mutateAsync({ id: target.id, input: saveBody(target, draft) });
      showSuccess(t('已保存', 'Saved'));
      return saved;
    } catch (e) {
      showError(e);
      return null;
    }
  };
  const onStep = async (action: 'submit' | 'signoff') => {
    try {
      let current: CollectionTarget | null = target;
      if (action === 'submit' && dirty) current = await onSave();
      if (!current) return;
      await step.mutateAsync({ target: current, action });
      showSuccess(
        action === 'submit'
          ? t('已提交，等待单位负责人签批', 'Submitted')
          : t('已签批，已报送司法局', 'Signed off'),
      );
    } catch (e) {
      showError(e);
    }
  };
  const base = targetPath(target.id);

  return (
    <PageCard
      title={`${target.taskTitle}（${target.period}）`}
      testId="submission-page"
      extra={
        <>
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              void downloadFile(`${base}/workbook.xlsx`, undefined, '填报表.xlsx').catch(showError)
            }
            data-testid="workbook-download"
          >
            {t('下载填报表', 'Download workbook')}
          </Button>
          {editable && (
            <Upload
              accept=".xlsx"
              showUploadList={false}
              beforeUpload={(file) => {
                upWorkbook.mutate(
                  { id: target.id, file },
                  {
                    onSuccess: () => showSuccess(t('填报表已导入', 'Workbook imported')),
                    onError: showError,
                  },
                );
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upWorkbook.isPending} data-testid="workbook-upload">
                {t('上传填报表', 'Upload workbook')}
              </Button>
            </Upload>
          )}
          {editable && (
            <Button loading={save.isPending} onClick={() => void onSave()} data-testid="submission-save">
              {t('保存', 'Save')}
            </Button>
          )}
          {target.actions.includes('submit') && (
            <Popconfirm
              title={t('提交后不能再修改，确认提交单位负责人签批？', 'Submit for the head’s sign-off?')}
              onConfirm={() => void onStep('submit')}
            >
              <Button type="primary" loading={step.isPending} data-testid="submission-submit">
                {t('提交', 'Submit')}
              </Button>
            </Popconfirm>
          )}
          {target.actions.includes('signoff') && (
            <Popconfirm
              title={t(
                '确认本单位填报内容真实准确，签批后报送司法局？',
                'Sign off and send to the justice bureau?',
              )}
              onConfirm={() => void onStep('signoff')}
            >
              <Button type="primary" loading={step.isPending} data-testid="submission-signoff">
                {t('负责人签批', 'Sign off')}
              </Button>
            </Popconfirm>
          )}
        </>
      }
    >
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('填报单位', 'Organisation')}>{target.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('状态', 'Status')}>
            <TargetStatusTag status={target.status} overdue={target.overdue} />
          </Descriptions.Item>
          <Descriptions.Item label={t('截止日期', 'Due')}>{formatDate(target.dueDate)}</Descriptions.Item>
          <Descriptions.Item label={t('提交时间', 'Submitted')}>
            {formatDateTime(target.submittedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('签批时间', 'Signed')}>
            {formatDateTime(target.signedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('审核时间', 'Decided')}>
            {formatDateTime(target.decidedAt)}
          </Descriptions.Item>
        </Descriptions>
        {target.status === 'returned' && target.returnReason && (
          <Alert
            type="warning"
            showIcon
            message={t('司法局退回理由', 'Returned because')}
            description={target.returnReason}
            data-testid="return-reason-shown"
          />
        )}
        {target.overdue && (
          <Alert
            type="error"
            showIcon
            message={t(
              '已超过截止日期，不能再提交；如需补报请联系司法局退回',
              'Past the due date; ask the justice bureau to return it',
            )}
          />
        )}
        {target.instructions && (
          <Alert type="info" message={t('填报说明', 'Instructions')} description={target.instructions} />
        )}
        <SubmissionForm
          target={target}
          draft={draft}
          editable={editable}
          onChange={(d) => {
            setDraft(d);
            setDirty(true);
          }}
          onUploadEvidence={(code, file) =>
            upEvidence.mutate(
              { id: target.id, code, file },
              { onSuccess: () => showSuccess(t('佐证材料已上传', 'Evidence uploaded')), onError: showError },
            )
          }
          onDeleteEvidence={(fileId) => delEvidence.mutate({ id: target.id, fileId }, { onError: showError })}
          onDownloadEvidence={(fileId, name) =>
            void downloadFile(`${base}/evidence/${fileId}`, undefined, name).catch(showError)
          }
        />
      </Space>
    </PageCard>
  );
}
