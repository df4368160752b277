import { EditOutlined } from '@ant-design/icons';
import { NORMDOC_KINDS, NORMDOC_TRANSITIONS, type Normdoc, type NormdocAction } from '@fazhi/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Row, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorText, isApiError } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { NotFoundResult } from '../../../platform/ui/ErrorResults';
import { useNormdoc } from '../api/documents';
import { AttachmentsPanel } from '../components/AttachmentsPanel';
import { CommentsPanel } from '../components/CommentsPanel';
import { DocumentTimeline } from '../components/DocumentTimeline';
import { EvaluationsPanel } from '../components/EvaluationsPanel';
import { FilingsPanel } from '../components/FilingsPanel';
import { InterpretationPanel } from '../components/InterpretationPanel';
import { LegalityReviewsTable } from '../components/LegalityReviewsTable';
import { NormdocFormDrawer } from '../components/NormdocFormDrawer';
import { DeadlineBadges } from '../components/DeadlineBadges';
import { NormdocStatusTag } from '../components/NormdocStatusTag';
import { DESTRUCTIVE_ACTIONS, TransitionModal } from '../components/TransitionModal';

/** `/normdocs/:docId` — one document: facts, the steps the caller may take, timeline and the areas' panels. */
export function DocumentPage() {
  const { docId } = useParams();
  const q = useNormdoc(docId);
  if (q.isPending) return <Skeleton active style={{ padding: 24 }} />;
  if (q.isError) {
    if (isApiError(q.error) && q.error.status === 404) return <NotFoundResult />;
    return <Alert type="error" showIcon title={errorText(q.error)} />;
  }
  return <DocumentView doc={q.data} key={q.data.id} />;
}

function DocumentView({ doc }: { doc: Normdoc }) {
  const t = useT();
  const label = useLabel();
  const [action, setAction] = useState<NormdocAction | null>(null);
  const [editing, setEditing] = useState(false);
  const canEdit = doc.abilities.includes('edit');

  return (
    <PageCard
      testId="normdoc-page"
      title={
        <Flex vertical gap={4}>
          <span data-testid="normdoc-title">{doc.title}</span>
          <Flex gap="small" wrap align="center" style={{ fontSize: 14, fontWeight: 'normal' }}>
            <NormdocStatusTag status={doc.status} testId="normdoc-status" />
            <DeadlineBadges deadlines={doc.deadlines} />
            {doc.imported && <Tag>{t('导入', 'Imported')}</Tag>}
            <Typography.Text type="secondary">{NORMDOC_KINDS[doc.kind]}</Typography.Text>
            <Typography.Text type="secondary">{doc.org.name}</Typography.Text>
            <Typography.Text type="secondary">
              {t('统一登记号：', 'Registration no.: ')}
              <span data-testid="normdoc-registration-number">{doc.registrationNumber ?? '—'}</span>
            </Typography.Text>
          </Flex>
        </Flex>
      }
      extra={
        <>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="normdoc-edit">
              {t('编辑', 'Edit')}
            </Button>
          )}
          {/* Hidden while a step's form is open: the 送审 button (action-submit) and the form's OK button
              (action-submit) must never be on the page together. */}
          {action === null &&
            doc.actions.map((a, i) => (
              <Button
                key={a}
                type={i === 0 && !DESTRUCTIVE_ACTIONS.includes(a) ? 'primary' : 'default'}
                danger={DESTRUCTIVE_ACTIONS.includes(a)}
                onClick={() => setAction(a)}
                data-testid={`action-${a}`}
              >
                {label(NORMDOC_TRANSITIONS[a])}
              </Button>
            ))}
        </>
      }
    >
      {doc.blockers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="normdoc-blockers"
          title={t('以下步骤暂不能进行', 'These steps are blocked for now')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {doc.blockers.map((b) => (
                <li key={`${b.action}-${b.code}`} data-testid={`blocker-${b.action}`}>
                  <Typography.Text strong>{label(NORMDOC_TRANSITIONS[b.action])}</Typography.Text>：
                  {b.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Row gutter={[24, 24]}>
        <Col xs={24} xl={16}>
          <Tabs
            items={[
              { key: 'info', label: t('基本信息', 'Details'), children: <DocumentFacts doc={doc} /> },
              {
                key: 'review',
                label: t('合法性审核', 'Legality review'),
                children: <LegalityReviewsTable reviews={doc.legalityReviews} />,
              },
              {
                key: 'attachments',
                label: t(`附件（${doc.attachments.length}）`, `Attachments (${doc.attachments.length})`),
                children: <AttachmentsPanel doc={doc} />,
              },
              {
                key: 'interpretation',
                label: t('政策解读', 'Interpretation'),
                children: <InterpretationPanel doc={doc} />,
              },
              {
                key: 'comments',
                label: t('征求意见', 'Public comment'),
                children: <CommentsPanel docId={doc.id} />,
              },
              { key: 'filings', label: t('备案', 'Filings'), children: <FilingsPanel docId={doc.id} /> },
              {
                key: 'evaluations',
                label: t('后评估', 'Evaluation'),
                children: <EvaluationsPanel docId={doc.id} />,
              },
            ]}
          />
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('办理流程', 'Timeline')}>
            <DocumentTimeline events={doc.events} />
          </Card>
        </Col>
      </Row>
      {action && <TransitionModal doc={doc} action={action} onClose={() => setAction(null)} />}
      <NormdocFormDrawer open={editing} doc={doc} onClose={() => setEditing(false)} />
    </PageCard>
  );
}

function DocumentFacts({ doc }: { doc: Normdoc }) {
  const t = useT();
  const yes = (v: boolean) => (v ? t('是', 'Yes') : t('否', 'No'));
  return (
    <Flex vertical gap="middle">
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'kind', label: t('文件类型', 'Kind'), children: NORMDOC_KINDS[doc.kind] },
          { key: 'org', label: t('制定机关', 'Issuing organ'), children: doc.org.name },
          { key: 'drafting', label: t('起草单位', 'Drafting unit'), children: doc.draftingOrg.name },
          {
            key: 'co',
            label: t('联合发文机关', 'Co-issuers'),
            children: doc.coIssuers.length ? doc.coIssuers.map((o) => o.name).join('、') : '—',
          },
          { key: 'docNumber', label: t('发文字号', 'Document no.'), children: doc.docNumber ?? '—' },
          {
            key: 'reg',
            label: t('统一登记号', 'Registration no.'),
            children: doc.registrationNumber ?? '—',
          },
          {
            key: 'public',
            label: t('涉及群众切身利益', 'Public’s vital interests'),
            children: yes(doc.involvesPublicInterest),
          },
          {
            key: 'market',
            label: t('涉及经营主体', 'Affects market entities'),
            children: yes(doc.involvesMarketEntities),
          },
          {
            key: 'major',
            label: t('重大行政决策', 'Major decision'),
            children: yes(doc.involvesMajorDecision),
          },
          { key: 'prov', label: t('暂行 / 试行', 'Provisional'), children: yes(doc.provisionalRules) },
          {
            key: 'signed',
            label: t('签发', 'Signed'),
            children: doc.signedBy ? `${doc.signedBy}（${formatDate(doc.signedOn)}）` : '—',
          },
          {
            key: 'registered',
            label: t('登记日期', 'Registered on'),
            children: formatDate(doc.registeredOn),
          },
          { key: 'published', label: t('公布日期', 'Published on'), children: formatDate(doc.publishedOn) },
          { key: 'effective', label: t('施行日期', 'Effective on'), children: formatDate(doc.effectiveOn) },
          { key: 'valid', label: t('有效期至', 'Valid until'), children: formatDate(doc.validUntil) },
          { key: 'ended', label: t('失效日期', 'Ended on'), children: formatDate(doc.endedOn) },
          {
            key: 'channels',
            label: t('发布渠道', 'Channels'),
            span: 'filled',
            children: doc.publishChannels.length
              ? doc.publishChannels.map((c, i) => (
                  <div key={i}>
                    {c.channel}
                    {c.url && (
                      <>
                        {' '}
                        <Typography.Link href={c.url} target="_blank" rel="noreferrer">
                          {c.url}
                        </Typography.Link>
                      </>
                    )}
                  </div>
                ))
              : '—',
          },
          {
            key: 'basis',
            label: t('上位法依据', 'Legal basis'),
            span: 'filled',
            children: doc.legalBasis.length
              ? doc.legalBasis.map((b, i) => (
                  <div key={i}>
                    《{b.name}》{b.article ?? ''}
                  </div>
                ))
              : '—',
          },
          {
            key: 'versions',
            label: t('版本', 'Version'),
            span: 'filled',
            children: (
              <Flex gap="small">
                <span>{t(`第 ${doc.versionNo} 版`, `Version ${doc.versionNo}`)}</span>
                {doc.previousVersionId && (
                  <Link to={`/normdocs/${doc.previousVersionId}`}>{t('上一版本', 'Previous version')}</Link>
                )}
                {doc.nextVersionId && (
                  <Link to={`/normdocs/${doc.nextVersionId}`}>{t('新版本', 'Next version')}</Link>
                )}
              </Flex>
            ),
          },
        ]}
      />
      {doc.summary && (
        <div>
          <Typography.Title level={5}>{t('内容摘要', 'Summary')}</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{doc.summary}</Typography.Paragraph>
        </div>
      )}
      <div>
        <Typography.Title level={5}>{t('正文', 'Text')}</Typography.Title>
        {doc.body ? (
          <Typography.Paragraph
            style={{ whiteSpace: 'pre-wrap', maxHeight: 480, overflow: 'auto' }}
            data-testid="normdoc-body"
          >
            {doc.body}
          </Typography.Paragraph>
        ) : (
          <Typography.Text type="secondary">{t('尚未填写正文', 'No text yet')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}
