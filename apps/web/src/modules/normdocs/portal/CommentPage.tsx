import { ReloadOutlined } from '@ant-design/icons';
import {
  COMMENT_CONTENT_MAX,
  COMMENT_CONTENT_MIN,
  COMMENT_PERIOD_STATES,
  COMMENT_SUBMITTER_KINDS,
  type CommentSubmitterKind,
  type PublicCommentPeriod,
} from '@fazhi/contracts';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  List,
  Radio,
  Result,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../platform/api';
import { applyServerErrors } from '../../../platform/forms';
import { useT } from '../../../platform/i18n';
import { useCommentChallenge, usePublicCommentPeriod, useSubmitComment } from '../api/comments';
import { COMMENT_STATE_COLORS, COMMENT_STATE_EN, SUBMITTER_KIND_EN } from './comment-labels';

type FormValues = {
  submitterKind: CommentSubmitterKind;
  submitterName?: string;
  contact?: string;
  content: string;
  challengeAnswer: string;
};

/** Portal: one draft — its text, the comment form while open, the 采纳情况说明 after the period (no login). */
export function CommentPage() {
  const t = useT();
  const { periodId } = useParams();
  const period = usePublicCommentPeriod(periodId);

  if (period.isLoading) return <Spin />;
  if (!period.data) {
    return (
      <Result
        status="404"
        title={t('未找到该征求意见草案', 'Draft not found')}
        extra={<Link to="/portal/comments">{t('返回列表', 'Back to the list')}</Link>}
      />
    );
  }
  const p = period.data;
  return (
    <Flex vertical gap="middle" data-testid="portal-comment-page">
      <Card>
        <Typography.Title level={4} data-testid="comment-draft-title">
          {p.draftTitle}
        </Typography.Title>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('起草机关', 'Drafting organ')}>{p.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('征求意见期', 'Comment period')}>
            {p.opensOn} {t('至', 'to')} {p.closesOn}（{p.days}
            {t('日', ' days')}）
          </Descriptions.Item>
          <Descriptions.Item label={t('状态', 'State')}>
            <Tag color={COMMENT_STATE_COLORS[p.state]} data-testid="comment-period-state">
              {t(COMMENT_PERIOD_STATES[p.state], COMMENT_STATE_EN[p.state])}
            </Tag>
          </Descriptions.Item>
        </Descriptions>
        {p.shortenedReason && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t(`征求意见期缩短的理由：${p.shortenedReason}`, `Shortened period: ${p.shortenedReason}`)}
          />
        )}
        <Typography.Title level={5}>{t('草案全文', 'Full text of the draft')}</Typography.Title>
        <Typography.Paragraph
          data-testid="comment-draft-text"
          style={{ whiteSpace: 'pre-wrap', maxHeight: 520, overflow: 'auto' }}
        >
          {p.draftText}
        </Typography.Paragraph>
      </Card>
      {p.state === 'open' && <CommentForm periodId={p.id} closesOn={p.closesOn} />}
      {p.state === 'ended' && (
        <Alert
          type="warning"
          showIcon
          data-testid="comment-ended"
          title={t(
            '征求意见期已截止，起草机关正在研究处理意见，采纳情况将在整理后公布。',
            'The comment period has ended; the drafting organ will publish how the comments were handled.',
          )}
        />
      )}
      {p.state === 'closed' && <AdoptionReport period={p} />}
    </Flex>
  );
}

function CommentForm({ periodId, closesOn }: { periodId: string; closesOn: string }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const challenge = useCommentChallenge(true);
  const submit = useSubmitComment(periodId);
  const [done, setDone] = useState<string | null>(null);

  const onFinish = async (values: FormValues) => {
    if (!challenge.data) return;
    try {
      const res = await submit.mutateAsync({
        ...values,
        submitterName: values.submitterName || undefined,
        contact: values.contact || undefined,
        challengeToken: challenge.data.token,
      });
      setDone(res.message);
      form.resetFields();
    } catch (error) {
      applyServerErrors(form, error);
      if (isApiError(error) && error.code === 'CHALLENGE_FAILED') {
        form.setFields([{ name: 'challengeAnswer', value: '', errors: [error.localizedMessage()] }]);
      }
    }
  };

  if (done) {
    return (
      <Card>
        <Result
          status="success"
          title={t('意见已提交', 'Comment submitted')}
          subTitle={<span data-testid="comment-result">{done}</span>}
          extra={
            <Button onClick={() => setDone(null)} data-testid="comment-again">
              {t('继续提交意见', 'Submit another comment')}
            </Button>
          }
        />
      </Card>
    );
  }

  return (
    <Card title={t('提交意见', 'Submit a comment')}>
      <Typography.Paragraph type="secondary">
        {t(
          `征求意见截止日期：${closesOn}。姓名和联系方式可不填写；如填写，仅供起草机关联系核实，不会公开。`,
          `Open until ${closesOn}. Name and contact are optional and never published; they are used only to reach you.`,
        )}
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ submitterKind: 'citizen' }}
        onFinish={(v) => void onFinish(v)}
        style={{ maxWidth: 720 }}
      >
        <Form.Item name="submitterKind" label={t('身份', 'You are')} rules={[{ required: true }]}>
          <Radio.Group data-testid="comment-kind">
            {(Object.keys(COMMENT_SUBMITTER_KINDS) as CommentSubmitterKind[]).map((k) => (
              <Radio key={k} value={k} data-testid={`comment-kind-${k}`}>
                {t(COMMENT_SUBMITTER_KINDS[k], SUBMITTER_KIND_EN[k])}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item
            name="submitterName"
            label={t('姓名或单位名称（选填）', 'Name (optional)')}
            rules={[{ max: 50, message: t('不能超过50字', 'At most 50 characters') }]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input data-testid="comment-name" maxLength={50} />
          </Form.Item>
          <Form.Item
            name="contact"
            label={t('联系方式（选填，不公开）', 'Contact (optional, not published)')}
            rules={[{ max: 100, message: t('不能超过100字', 'At most 100 characters') }]}
            style={{ flex: 1, minWidth: 220 }}
          >
            <Input data-testid="comment-contact" maxLength={100} />
          </Form.Item>
        </Flex>
        <Form.Item
          name="content"
          label={t('意见建议', 'Your comment')}
          rules={[
            { required: true, whitespace: true, message: t('请填写意见内容', 'Please write your comment') },
            {
              min: COMMENT_CONTENT_MIN,
              message: t(
                `意见内容至少${COMMENT_CONTENT_MIN}个字`,
                `At least ${COMMENT_CONTENT_MIN} characters`,
              ),
            },
            {
              max: COMMENT_CONTENT_MAX,
              message: t(
                `意见内容不能超过${COMMENT_CONTENT_MAX}字`,
                `At most ${COMMENT_CONTENT_MAX} characters`,
              ),
            },
          ]}
        >
          <Input.TextArea
            rows={8}
            showCount
            maxLength={COMMENT_CONTENT_MAX}
            data-testid="comment-content"
            placeholder={t(
              '请写明针对草案的哪一条款，以及修改建议和理由',
              'Name the article, your suggestion and the reason',
            )}
          />
        </Form.Item>
        <Form.Item
          label={
            <span>
              {t('验证题：', 'Check question: ')}
              <Typography.Text strong data-testid="challenge-question">
                {challenge.data?.question ?? t('加载中…', 'Loading…')}
              </Typography.Text>
            </span>
          }
          required
        >
          <Flex gap="small">
            <Form.Item
              name="challengeAnswer"
              noStyle
              rules={[{ required: true, message: t('请填写验证题答案', 'Please answer the question') }]}
            >
              <Input style={{ width: 160 }} inputMode="numeric" data-testid="challenge-answer" />
            </Form.Item>
            <Button
              icon={<ReloadOutlined />}
              onClick={() => void challenge.refetch()}
              loading={challenge.isFetching}
              data-testid="challenge-refresh"
            >
              {t('换一题', 'Another question')}
            </Button>
          </Flex>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={submit.isPending}
          disabled={!challenge.data}
          data-testid="comment-submit"
        >
          {t('提交意见', 'Submit')}
        </Button>
      </Form>
    </Card>
  );
}

function AdoptionReport({ period }: { period: PublicCommentPeriod }) {
  const t = useT();
  return (
    <Card title={t('意见采纳情况说明', 'How the comments were handled')} data-testid="comment-adoption">
      <Typography.Paragraph>
        {t(
          `本次征求意见共收到意见${period.commentCount}条，采纳${period.adoptedCount ?? 0}条。`,
          `${period.commentCount} comments received, ${period.adoptedCount ?? 0} adopted.`,
        )}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="comment-adoption-explanation">
        {period.adoptionExplanation}
      </Typography.Paragraph>
      {period.results.length > 0 && (
        <List
          data-testid="comment-results"
          itemLayout="vertical"
          dataSource={period.results}
          renderItem={(r) => (
            <List.Item key={r.id}>
              <Flex gap="small" align="center" style={{ marginBottom: 4 }}>
                <Tag>{t(COMMENT_SUBMITTER_KINDS[r.submitterKind], SUBMITTER_KIND_EN[r.submitterKind])}</Tag>
                <Typography.Text type="secondary">{r.submittedOn}</Typography.Text>
                {r.adopted === null ? (
                  <Tag>{t('未处理', 'Not handled')}</Tag>
                ) : r.adopted ? (
                  <Tag color="green">{t('采纳', 'Adopted')}</Tag>
                ) : (
                  <Tag color="red">{t('未采纳', 'Not adopted')}</Tag>
                )}
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                {r.content}
              </Typography.Paragraph>
              {r.response && (
                <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
                  {t('处理说明：', 'Response: ')}
                  {r.response}
                </Typography.Paragraph>
              )}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
