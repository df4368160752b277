import {
  COMMENT_PERIOD_STATES,
  COMMENT_SUBMITTER_KINDS,
  type StaffComment,
  type StaffCommentPeriod,
} from '@fazhi/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Spin,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { errorText, ExportButton } from '../../../platform/api';
import { hasAction } from '../../../platform/access';
import { applyServerErrors } from '../../../platform/forms';
import { formatDateTime } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { testIdProps } from '../../../platform/ui';
import { useDocComments, useHandleComment } from '../api/comments';
import { COMMENT_STATE_COLORS, COMMENT_STATE_EN, SUBMITTER_KIND_EN } from '../portal/comment-labels';

/** 征求意见 on the document page: each comment period, its comments, 采纳/不采纳 handling, Excel export. */
export function CommentsPanel({ docId }: { docId: string }) {
  const t = useT();
  const q = useDocComments(docId);
  const [handling, setHandling] = useState<StaffComment | null>(null);

  if (q.isLoading) return <Spin />;
  if (q.error) return <Alert type="error" showIcon title={errorText(q.error)} />;
  const periods = q.data?.periods ?? [];

  return (
    <Flex vertical gap="middle" data-testid="comments-panel">
      <Flex justify="flex-end">
        <ExportButton
          listPath={`/api/normdocs/${encodeURIComponent(docId)}/comments`}
          filters={{}}
          fileBaseName={t('征求意见', 'public-comments')}
          testId="comments-export"
        />
      </Flex>
      {periods.length === 0 ? (
        <Empty description={t('该文件尚未公开征求意见', 'No public comment period yet')} />
      ) : (
        periods.map((p) => <PeriodCard key={p.id} period={p} onHandle={setHandling} />)
      )}
      <HandleModal docId={docId} comment={handling} onClose={() => setHandling(null)} />
    </Flex>
  );
}

function PeriodCard({
  period: p,
  onHandle,
}: {
  period: StaffCommentPeriod;
  onHandle: (c: StaffComment) => void;
}) {
  const t = useT();
  const columns: TableColumnsType<StaffComment> = [
    {
      title: t('提交时间', 'Submitted'),
      dataIndex: 'submittedAt',
      width: 110,
      render: (v: string) => formatDateTime(v),
    },
    {
      title: t('意见人', 'From'),
      width: 140,
      render: (_, c) => (
        <Flex vertical>
          <span>
            <Tag>{t(COMMENT_SUBMITTER_KINDS[c.submitterKind], SUBMITTER_KIND_EN[c.submitterKind])}</Tag>
            {c.submitterName ?? t('（未署名）', '(anonymous)')}
          </span>
          {c.contactMasked && <Typography.Text type="secondary">{c.contactMasked}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('意见内容', 'Comment'),
      dataIndex: 'content',
      render: (v: string) => (
        <Typography.Paragraph
          ellipsis={{ rows: 4, expandable: true }}
          style={{ whiteSpace: 'pre-wrap', margin: 0 }}
        >
          {v}
        </Typography.Paragraph>
      ),
    },
    {
      title: t('处理结果', 'Result'),
      width: 180,
      render: (_, c) =>
        c.adopted === null ? (
          <Tag color="orange">{t('待处理', 'To handle')}</Tag>
        ) : (
          <Flex vertical>
            <span>
              {c.adopted ? (
                <Tag color="green">{t('采纳', 'Adopted')}</Tag>
              ) : (
                <Tag color="red">{t('未采纳', 'Not adopted')}</Tag>
              )}
              <Typography.Text type="secondary">{c.handledByName}</Typography.Text>
            </span>
            <Typography.Text>{c.response}</Typography.Text>
          </Flex>
        ),
    },
    {
      title: t('操作', 'Actions'),
      width: 76,
      render: (_, c) =>
        hasAction(c, 'handle') ? (
          <Button size="small" onClick={() => onHandle(c)} data-testid={`comment-handle-${c.id}`}>
            {c.adopted === null ? t('处理', 'Handle') : t('修改', 'Change')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      data-testid={`comment-period-card-${p.id}`}
      title={
        <Flex gap="small" align="center" wrap>
          <span>{p.draftTitle}</span>
          <Tag color={COMMENT_STATE_COLORS[p.state]}>
            {t(COMMENT_PERIOD_STATES[p.state], COMMENT_STATE_EN[p.state])}
          </Tag>
        </Flex>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('征求意见期', 'Period')}>
          {p.opensOn} {t('至', 'to')} {p.closesOn}（{p.days}
          {t('日', ' days')}）
        </Descriptions.Item>
        <Descriptions.Item label={t('意见统计', 'Counts')}>
          {t(
            `共${p.commentCount}条，采纳${p.adoptedCount}条，待处理${p.unhandledCount}条`,
            `${p.commentCount} in total, ${p.adoptedCount} adopted, ${p.unhandledCount} to handle`,
          )}
        </Descriptions.Item>
        {p.shortenedReason && (
          <Descriptions.Item label={t('缩短理由', 'Shortened because')}>
            {p.shortenedReason}
          </Descriptions.Item>
        )}
        {p.adoptionExplanation && (
          <Descriptions.Item label={t('采纳情况说明', 'Adoption report')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{p.adoptionExplanation}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {p.state !== 'closed' && p.unhandledCount > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t(
            '请逐条处理意见（采纳或不采纳并说明理由），再结束征求意见并公布采纳情况说明。',
            'Handle each comment (adopt or not, with a reason) before closing the period and publishing the report.',
          )}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={p.comments}
        pagination={p.comments.length > 20 ? { pageSize: 20 } : false}
        data-testid="comments-table"
        locale={{ emptyText: t('暂无意见', 'No comments') }}
      />
    </Card>
  );
}

type HandleValues = { adopted: boolean; response: string };

function HandleModal({
  docId,
  comment,
  onClose,
}: {
  docId: string;
  comment: StaffComment | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<HandleValues>();
  const handle = useHandleComment(docId);

  const onFinish = async (values: HandleValues) => {
    if (!comment) return;
    try {
      await handle.mutateAsync({
        commentId: comment.id,
        input: { ...values, handledAt: comment.handledAt },
      });
      onClose();
    } catch (error) {
      applyServerErrors(form, error);
    }
  };

  return (
    <Modal
      open={!!comment}
      title={t('处理意见', 'Handle the comment')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('保存', 'Save')}
      cancelText={t('取消', 'Cancel')}
      okButtonProps={testIdProps('comment-handle-submit')}
      confirmLoading={handle.isPending}
      destroyOnHidden
    >
      {comment && (
        <Typography.Paragraph
          type="secondary"
          style={{ whiteSpace: 'pre-wrap', maxHeight: 200, overflow: 'auto' }}
        >
          {comment.content}
        </Typography.Paragraph>
      )}
      <Form<HandleValues>
        form={form}
        layout="vertical"
        initialValues={
          comment && comment.adopted !== null
            ? { adopted: comment.adopted, response: comment.response ?? '' }
            : undefined
        }
        onFinish={(v) => void onFinish(v)}
      >
        <Form.Item
          name="adopted"
          label={t('是否采纳', 'Adopted?')}
          rules={[{ required: true, message: t('请选择是否采纳', 'Choose adopted or not') }]}
        >
          <Radio.Group data-testid="comment-adopted">
            <Radio value={true} data-testid="comment-adopted-yes">
              {t('采纳', 'Adopted')}
            </Radio>
            <Radio value={false} data-testid="comment-adopted-no">
              {t('不采纳', 'Not adopted')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="response"
          label={t('处理说明', 'Reason')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('请填写采纳或不采纳的理由', 'Give the reason'),
            },
            { max: 2000, message: t('不能超过2000字', 'At most 2000 characters') },
          ]}
        >
          <Input.TextArea rows={4} showCount maxLength={2000} data-testid="comment-response" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
