import { UploadOutlined } from '@ant-design/icons';
import {
  ATTACHMENT_KINDS,
  type AttachmentKind,
  type Normdoc,
  type NormdocAttachment,
  type NormdocStatus,
} from '@fazhi/contracts';
import { Alert, Button, Flex, Select, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadFile, errorText, showError, showSuccess } from '../../../platform/api';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { ConfirmButton } from '../../../platform/ui';
import { attachmentPath, useDeleteAttachment, useUploadAttachment } from '../api/documents';

/** Attachments may be removed only while the document is being drafted (the server enforces it). */
const REMOVABLE: readonly NormdocStatus[] = [
  'drafting',
  'assessment',
  'public_comment',
  'fair_competition_review',
  'returned',
];

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 附件: 正式文本, 起草说明, 审核意见书 … with their SHA-256, so the filed text can be proven unchanged. */
export function AttachmentsPanel({ doc }: { doc: Normdoc }) {
  const t = useT();
  const [kind, setKind] = useState<AttachmentKind>('official_text');
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useUploadAttachment();
  const remove = useDeleteAttachment();
  const canAttach = doc.abilities.includes('attach');
  const canRemove = canAttach && REMOVABLE.includes(doc.status);

  const pick = (file: File) => {
    setProblem(null);
    upload.mutate(
      { docId: doc.id, kind, file },
      {
        onSuccess: () => showSuccess(t('附件已上传', 'Attachment uploaded')),
        // The server says in Chinese what is wrong (type, size, empty file).
        onError: (error) => setProblem(errorText(error)),
      },
    );
    return false;
  };

  return (
    <Flex vertical gap="middle" data-testid="attachments">
      {canAttach && (
        <Flex gap="small" wrap align="center">
          <Select<AttachmentKind>
            value={kind}
            onChange={setKind}
            options={(Object.keys(ATTACHMENT_KINDS) as AttachmentKind[]).map((k) => ({
              value: k,
              label: ATTACHMENT_KINDS[k],
            }))}
            style={{ width: 180 }}
            data-testid="attachment-kind"
          />
          <Upload beforeUpload={pick} showUploadList={false} multiple={false} disabled={upload.isPending}>
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
              {t('上传附件', 'Upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            {t('支持 PDF、Word（.docx）、OFD 等格式', 'PDF, Word (.docx), OFD …')}
          </Typography.Text>
        </Flex>
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setProblem(null) }}
          title={problem}
          data-testid="attachment-error"
        />
      )}
      <Table<NormdocAttachment>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={doc.attachments}
        locale={{ emptyText: t('暂无附件', 'No attachments') }}
        columns={[
          {
            title: t('类别', 'Kind'),
            dataIndex: 'kind',
            width: 140,
            render: (k: AttachmentKind) => ATTACHMENT_KINDS[k],
          },
          {
            title: t('文件', 'File'),
            dataIndex: 'fileName',
            ellipsis: true,
            render: (_v, a) => (
              <Typography.Link
                onClick={() =>
                  void downloadFile(attachmentPath(doc.id, a.id), undefined, a.fileName).catch(showError)
                }
                data-testid={`attachment-download-${a.id}`}
              >
                {a.fileName}
              </Typography.Link>
            ),
          },
          { title: t('大小', 'Size'), dataIndex: 'size', width: 90, render: sizeText },
          {
            title: 'SHA-256',
            dataIndex: 'sha256',
            width: 220,
            render: (h: string) => (
              <Typography.Text
                code
                copyable={{ text: h }}
                ellipsis={{ tooltip: h }}
                style={{ maxWidth: 180 }}
              >
                {h}
              </Typography.Text>
            ),
          },
          { title: t('上传时间', 'Uploaded'), dataIndex: 'createdAt', width: 170, render: formatDateTime },
          ...(canRemove
            ? [
                {
                  title: t('操作', 'Actions'),
                  key: 'remove',
                  width: 80,
                  render: (_v: unknown, a: NormdocAttachment) => (
                    <ConfirmButton
                      danger
                      title={t(`确定删除附件“${a.fileName}”？`, `Remove ${a.fileName}?`)}
                      onConfirm={() => remove.mutateAsync({ docId: doc.id, attachmentId: a.id })}
                      testId={`attachment-remove-${a.id}`}
                    >
                      {t('删除', 'Remove')}
                    </ConfirmButton>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
