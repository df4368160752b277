import { DownloadOutlined } from '@ant-design/icons';
import { ATTACHMENT_KINDS, NORMDOC_KINDS, NORMDOC_STATUSES } from '@fazhi/contracts';
import { Alert, Button, Card, Descriptions, Divider, List, Result, Spin, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../platform/api';
import { useLabel, useT } from '../../../platform/i18n';
import { publicAttachmentUrl, useCatalogueDoc } from '../api/catalogue';

/** Portal: one issued normative document — full text, registration, issuers, basis, interpretation, files. */
export function CatalogueDocPage() {
  const t = useT();
  const label = useLabel();
  const { docId } = useParams();
  const doc = useCatalogueDoc(docId);
  if (doc.isLoading) return <Spin />;
  if (!doc.data) {
    const missing = isApiError(doc.error) && doc.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={
          missing ? t('文件不存在或未公布', 'No such published document') : t('加载失败', 'Failed to load')
        }
        extra={<Link to="/portal/normdocs">{t('返回目录', 'Back to the catalogue')}</Link>}
      />
    );
  }
  const d = doc.data;
  const size = (n: number) =>
    n > 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
  return (
    <Card data-testid="portal-catalogue-doc">
      <Link to="/portal/normdocs">← {t('现行有效规范性文件目录', 'Catalogue')}</Link>
      <Typography.Title
        level={3}
        style={{ textAlign: 'center', marginTop: 16 }}
        data-testid="catalogue-doc-title"
      >
        {d.title}
      </Typography.Title>
      {!d.inForce && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={t(
            `本文件${NORMDOC_STATUSES[d.status].zh}${d.endedOn ? `（${d.endedOn}）` : ''}，不再现行有效，仅供查阅。`,
            `This document is no longer in force (${NORMDOC_STATUSES[d.status].en}${d.endedOn ? `, ${d.endedOn}` : ''}).`,
          )}
          data-testid="catalogue-doc-not-in-force"
        />
      )}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('制定机关', 'Issuing organ')}>
          {[d.org.name, ...d.coIssuers.map((c) => c.name)].join('、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('状态', 'Status')}>
          <Tag color={d.inForce ? 'green' : 'default'}>{label(NORMDOC_STATUSES[d.status])}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('统一登记号', 'Registration number')}>
          {d.registrationNumber ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('发文字号', 'Document number')}>{d.docNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('文件类别', 'Kind')}>{NORMDOC_KINDS[d.kind]}</Descriptions.Item>
        <Descriptions.Item label={t('签发', 'Signed')}>
          {[d.signedBy, d.signedOn].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('公布日期', 'Published')}>{d.publishedOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('施行日期', 'Effective')}>{d.effectiveOn ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('有效期至', 'Valid until')}>{d.validUntil ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('发布渠道', 'Channels')}>
          {d.publishChannels.map((c) =>
            c.url ? (
              <a
                key={c.channel}
                href={c.url}
                target="_blank"
                rel="noreferrer noopener"
                style={{ marginRight: 8 }}
              >
                {c.channel}
              </a>
            ) : (
              <span key={c.channel} style={{ marginRight: 8 }}>
                {c.channel}
              </span>
            ),
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('制定依据', 'Legal basis')} span={2}>
          {d.legalBasis.length
            ? d.legalBasis.map((b) => `《${b.name.replace(/^《|》$/g, '')}》${b.article ?? ''}`).join('；')
            : '—'}
        </Descriptions.Item>
      </Descriptions>
      <Divider titlePlacement="left">{t('正文', 'Full text')}</Divider>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 2 }}
        data-testid="catalogue-doc-body"
      >
        {d.body || d.summary}
      </Typography.Paragraph>
      {d.interpretation && (
        <>
          <Divider titlePlacement="left">{t('政策解读', 'Interpretation')}</Divider>
          <Typography.Title level={5} data-testid="catalogue-doc-interpretation">
            {d.interpretation.url ? (
              <a href={d.interpretation.url} target="_blank" rel="noreferrer noopener">
                {d.interpretation.title}
              </a>
            ) : (
              d.interpretation.title
            )}
          </Typography.Title>
          {d.interpretation.publishedOn && (
            <Typography.Text type="secondary">{d.interpretation.publishedOn}</Typography.Text>
          )}
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
            {d.interpretation.body}
          </Typography.Paragraph>
        </>
      )}
      {d.attachments.length > 0 && (
        <>
          <Divider titlePlacement="left">{t('附件下载', 'Files')}</Divider>
          <List
            size="small"
            dataSource={d.attachments}
            renderItem={(a) => (
              <List.Item
                actions={[
                  <Button
                    key="dl"
                    type="link"
                    icon={<DownloadOutlined />}
                    href={publicAttachmentUrl(d.id, a.id)}
                    data-testid={`catalogue-attachment-${a.id}`}
                  >
                    {t('下载', 'Download')}
                  </Button>,
                ]}
              >
                {ATTACHMENT_KINDS[a.kind]}：{a.fileName}（{size(a.size)}）
              </List.Item>
            )}
          />
        </>
      )}
      {d.previousVersionId && (
        <Typography.Paragraph style={{ marginTop: 16 }}>
          <Link to={`/portal/normdocs/${d.previousVersionId}`}>
            {t('查看修改前版本', 'Previous version')}
          </Link>
        </Typography.Paragraph>
      )}
    </Card>
  );
}
