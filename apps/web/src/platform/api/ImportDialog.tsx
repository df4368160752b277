import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Progress, Space, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../i18n';
import { errorText } from './api-error';
import {
  importErrorsUrl,
  importTemplateUrl,
  useImportJob,
  useStartImport,
  type ImportKind,
} from './import-jobs';

const MAX_BYTES = 10 * 1024 * 1024;

interface ImportDialogProps {
  kind: ImportKind;
  title: string;
  open: boolean;
  onClose: () => void;
  /** Called once when the job succeeds — refresh the list here. */
  onSucceeded: () => void;
}

/** Template download → .xlsx upload → progress → errors file or success. */
export function ImportDialog({ kind, title, open, onClose, onSucceeded }: ImportDialogProps) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Button onClick={onClose} data-testid="import-close">
          {t('关闭', 'Close')}
        </Button>
      }
    >
      <ImportBody kind={kind} onSucceeded={onSucceeded} />
    </Modal>
  );
}

function ImportBody({ kind, onSucceeded }: Pick<ImportDialogProps, 'kind' | 'onSucceeded'>) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport(kind);
  const job = useImportJob(jobId);
  const notified = useRef(false);
  const status = job.data?.status;

  useEffect(() => {
    if (status === 'succeeded' && !notified.current) {
      notified.current = true;
      onSucceeded();
    }
  }, [status, onSucceeded]);

  const pick = (f: File) => {
    setJobId(null);
    notified.current = false;
    if (!f.name.toLowerCase().endsWith('.xlsx')) {
      setFile(null);
      setFileProblem(
        t('请上传 .xlsx 格式的文件（请使用下载的模板）', 'Please upload an .xlsx file (use the template)'),
      );
    } else if (f.size > MAX_BYTES) {
      setFile(null);
      setFileProblem(t('文件不能超过 10 MB', 'The file may not exceed 10 MB'));
    } else {
      setFile(f);
      setFileProblem(null);
    }
    return false;
  };

  const submit = () => {
    if (!file) return;
    start.mutate(file, { onSuccess: (r) => setJobId(r.jobId) });
  };

  const running = start.isPending || status === 'running' || (jobId !== null && !job.data);
  const d = job.data;
  const percent = d && d.total > 0 ? Math.round((d.processed / d.total) * 100) : 0;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-dialog">
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('第一步：', 'Step 1: ')}
        <a href={importTemplateUrl(kind)} download data-testid="import-template-link">
          {t('下载导入模板', 'Download the template')}
        </a>
        {t('，按模板填写后保存为 .xlsx 文件。', ', fill it in and save it as .xlsx.')}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t(
          '第二步：选择文件并开始导入。文件中任何一行有错误时，本次不写入任何数据。',
          'Step 2: choose the file and start. If any row has an error, nothing is written.',
        )}
      </Typography.Paragraph>
      <Upload.Dragger
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        maxCount={1}
        beforeUpload={pick}
        showUploadList={false}
        disabled={running}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {file ? file.name : t('点击或拖拽 .xlsx 文件到此处', 'Click or drop an .xlsx file here')}
        </p>
      </Upload.Dragger>
      {fileProblem && <Alert type="warning" showIcon title={fileProblem} />}
      <Button
        type="primary"
        disabled={!file || running}
        loading={running}
        onClick={submit}
        data-testid="import-submit"
      >
        {t('开始导入', 'Start import')}
      </Button>
      {start.isError && (
        <Alert type="error" showIcon title={errorText(start.error)} data-testid="import-error" />
      )}
      {d && (
        <Progress
          percent={status === 'succeeded' ? 100 : percent}
          status={status === 'failed' ? 'exception' : status === 'succeeded' ? 'success' : 'active'}
          format={() => `${d.processed} / ${d.total}`}
          data-testid="import-progress"
        />
      )}
      {d?.status === 'failed' && (
        <Alert
          type="error"
          showIcon
          data-testid="import-failed"
          title={d.message || t('导入失败，本次未写入任何数据', 'Import failed; nothing was written')}
          description={
            d.errorCount > 0 && jobId ? (
              <span>
                {t(`共 ${d.errorCount} 处错误，`, `${d.errorCount} error(s). `)}
                <a href={importErrorsUrl(jobId)} download data-testid="import-errors-link">
                  {t('下载标注了错误的文件', 'Download the file with the errors marked')}
                </a>
                {t('，修改后重新导入。', ', fix them and import again.')}
              </span>
            ) : undefined
          }
        />
      )}
      {d?.status === 'succeeded' && (
        <Alert
          type="success"
          showIcon
          data-testid="import-succeeded"
          title={
            d.message || t(`导入成功，共处理 ${d.processed} 条记录`, `Imported ${d.processed} record(s)`)
          }
        />
      )}
      {job.isError && <Alert type="error" showIcon title={errorText(job.error)} />}
    </Space>
  );
}
