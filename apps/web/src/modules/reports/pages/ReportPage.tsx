import { BulbOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { REPORT_KINDS, REPORT_TRANSITIONS, type RenderedRun, type ReportAction } from '@fazhi/contracts';
import {
  Alert,
  Badge,
  Button,
  Col,
  Descriptions,
  Empty,
  Flex,
  Menu,
  Modal,
  Result,
  Row,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { downloadFile, isApiError, showSuccess } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { useLabel, useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { reportPath, useAssist, useReport, useReportPreview } from '../api/reports';
import { CommentsPanel } from '../components/CommentsPanel';
import { ProvenanceDrawer } from '../components/ProvenanceDrawer';
import { RenderedReport } from '../components/RenderedReport';
import { ReportActionModal } from '../components/ReportActionModal';
import { ReportStatusTag } from '../components/ReportStatusTag';
import { SectionEditor } from '../components/SectionEditor';
import { VersionsPanel } from '../components/VersionsPanel';

type Figure = Extract<RenderedRun, { kind: 'figure' }>;

/** One annual report: outline, section editor, preview with provenance, versions, comments, lifecycle. */
export function ReportPage() {
  const t = useT();
  const label = useLabel();
  const { reportId } = useParams();
  const report = useReport(reportId);
  const [tab, setTab] = useState('edit');
  const [sectionCode, setSectionCode] = useState<string | null>(null);
  const [action, setAction] = useState<ReportAction | null>(null);
  const [figure, setFigure] = useState<Figure | null>(null);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const preview = useReportPreview(reportId, tab === 'preview');
  const assist = useAssist();

  if (report.isLoading) return <Spin />;
  if (!report.data) {
    const missing = isApiError(report.error) && report.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('报告不存在或无权访问', 'No such report') : t('加载失败', 'Failed to load')}
        extra={<Link to="/reports">{t('返回列表', 'Back to the list')}</Link>}
      />
    );
  }
  const r = report.data;
  const current = r.sections.find((s) => s.code === sectionCode) ?? r.sections[0];
  const editable = r.abilities.includes('edit');

  const download = async (ext: 'docx' | 'pdf') => {
    setDownloadError(null);
    try {
      await downloadFile(reportPath(r.id, `/document.${ext}`), undefined, `${r.title}.${ext}`);
    } catch (e) {
      setDownloadError(isApiError(e) ? e.localizedMessage() : String(e));
    }
  };
  const runAssist = () =>
    Modal.confirm({
      title: t('起草助手', 'Drafting assistant'),
      content: t(
        '为空白章节汇集各单位已通过审核的填报材料，并生成带数据占位符的句子；已有文字的章节不变。',
        'Fills empty sections with accepted submissions and figure sentences; sections with text are kept.',
      ),
      onOk: async () => {
        const res = await assist.mutateAsync(r.id);
        showSuccess(
          t(
            `已填写 ${res.filled.length} 节，引用填报材料 ${res.narratives} 份`,
            `Filled ${res.filled.length} sections from ${res.narratives} submissions`,
          ),
        );
      },
    });

  return (
    <PageCard
      title={
        <Flex gap="small" align="center" wrap>
          <span data-testid="report-title">{r.title}</span>
          <ReportStatusTag status={r.status} />
        </Flex>
      }
      testId="report-page"
      extra={
        <>
          {r.abilities.includes('assist') && (
            <Button
              icon={<BulbOutlined />}
              loading={assist.isPending}
              onClick={runAssist}
              data-testid="report-assist"
            >
              {t('起草助手', 'Drafting assistant')}
            </Button>
          )}
          <Button
            icon={<FileWordOutlined />}
            onClick={() => void download('docx')}
            data-testid="report-download-docx"
          >
            {t('下载 Word', 'Word')}
          </Button>
          <Button
            icon={<FilePdfOutlined />}
            onClick={() => void download('pdf')}
            data-testid="report-download-pdf"
          >
            PDF
          </Button>
        </>
      }
    >
      {downloadError && (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setDownloadError(null)}
          message={downloadError}
          style={{ marginBottom: 12 }}
          data-testid="report-download-error"
        />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('类型', 'Kind')}>{label(REPORT_KINDS[r.kind])}</Descriptions.Item>
        <Descriptions.Item label={t('报送期限', 'Send by')}>
          {r.deadlines.sendBy}{' '}
          {r.sentOn && <Tag color="success">{t(`已报送 ${r.sentOn}`, `sent ${r.sentOn}`)}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('公开期限', 'Publish by')}>
          {r.deadlines.publishBy}{' '}
          {r.publishedOn && (
            <Tag color="success">{t(`已公开 ${r.publishedOn}`, `published ${r.publishedOn}`)}</Tag>
          )}
        </Descriptions.Item>
        {r.docNumber && (
          <Descriptions.Item label={t('发文字号', 'Doc. no.')}>{r.docNumber}</Descriptions.Item>
        )}
        {r.signer && <Descriptions.Item label={t('签发人', 'Signer')}>{r.signer}</Descriptions.Item>}
        {r.secrecyReview && (
          <Descriptions.Item label={t('保密审查', 'Secrecy review')}>
            {`${r.secrecyReview.reviewer} · ${formatDate(r.secrecyReview.reviewedOn)} · ${r.secrecyReview.conclusion}`}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex gap="small" wrap style={{ marginBottom: 16 }}>
        {r.actions.map((a) => (
          <Button
            key={a}
            type={a === 'revise' ? 'default' : 'primary'}
            ghost={a !== 'revise'}
            danger={a === 'revise'}
            onClick={() => setAction(a)}
            data-testid={`report-action-${a}`}
          >
            {label(REPORT_TRANSITIONS[a])}
          </Button>
        ))}
      </Flex>
      <Row gutter={16}>
        <Col xs={24} md={7}>
          <Menu
            mode="inline"
            selectedKeys={[current?.code ?? '']}
            onClick={(e) => {
              setSectionCode(e.key);
              setTab('edit');
            }}
            items={r.sections.map((s) => ({
              key: s.code,
              style: { paddingLeft: s.level === 1 ? 16 : 36 },
              label: (
                <span data-testid={`section-${s.code}`}>
                  <Badge dot={!s.body.trim()} status="warning" offset={[6, 0]}>
                    {s.title}
                  </Badge>
                  {s.openComments > 0 && (
                    <Tag color="orange" style={{ marginLeft: 8 }}>
                      {s.openComments}
                    </Tag>
                  )}
                </span>
              ),
            }))}
          />
        </Col>
        <Col xs={24} md={17}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'edit',
                label: t('编辑', 'Edit'),
                children: current ? (
                  <SectionEditor report={r} section={current} editable={editable} />
                ) : (
                  <Empty />
                ),
              },
              {
                key: 'preview',
                label: <span data-testid="report-preview">{t('预览', 'Preview')}</span>,
                children: (
                  <>
                    {preview.isLoading && <Spin />}
                    {preview.error && (
                      <Alert
                        type="error"
                        showIcon
                        message={
                          isApiError(preview.error) ? preview.error.localizedMessage() : String(preview.error)
                        }
                      />
                    )}
                    {preview.data && (
                      <>
                        {preview.data.frozen && (
                          <Alert
                            type="info"
                            style={{ marginBottom: 12 }}
                            message={t(
                              '已公开报告：数据为公开时固定的数值',
                              'Published: figures frozen at publication',
                            )}
                          />
                        )}
                        <Typography.Paragraph type="secondary">
                          {t(
                            `数据口径：${preview.data.target.name}，${preview.data.period}年度；点击数字查看来源`,
                            `Figures for ${preview.data.target.name}, ${preview.data.period}; click a number for its provenance`,
                          )}
                        </Typography.Paragraph>
                        <RenderedReport
                          title={preview.data.title}
                          sections={preview.data.sections}
                          issuer={preview.data.issuer}
                          issuedOn={preview.data.issuedOn}
                          onFigure={setFigure}
                          testId="report-preview-body"
                        />
                      </>
                    )}
                  </>
                ),
              },
              { key: 'versions', label: t('版本', 'Versions'), children: <VersionsPanel report={r} /> },
              {
                key: 'comments',
                label: t('意见', 'Comments'),
                children: <CommentsPanel report={r} sectionCode={current?.code ?? null} />,
              },
              {
                key: 'records',
                label: t('签发与报送', 'Sign-off & sending'),
                children: (
                  <>
                    <Typography.Title level={5}>{t('党政主要负责人签发', 'Sign-off')}</Typography.Title>
                    {r.signoffs.length ? (
                      r.signoffs.map((s) => (
                        <div key={s.id}>{`${s.position} ${s.name} · ${formatDate(s.signedOn)}`}</div>
                      ))
                    ) : (
                      <Typography.Text type="secondary">{t('尚未签发', 'Not signed')}</Typography.Text>
                    )}
                    <Typography.Title level={5} style={{ marginTop: 16 }}>
                      {t('报送记录', 'Sending')}
                    </Typography.Title>
                    {r.sendings.length ? (
                      r.sendings.map((s) => (
                        <div key={s.id}>
                          {`${formatDate(s.sentOn)} → ${s.recipient}`}
                          {s.copyTo.length > 0 && `（${t('抄送', 'cc')}：${s.copyTo.join('、')}）`}
                          {s.channel && ` · ${s.channel}`}
                        </div>
                      ))
                    ) : (
                      <Typography.Text type="secondary">{t('尚未报送', 'Not sent')}</Typography.Text>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Col>
      </Row>
      <ReportActionModal report={r} action={action} onClose={() => setAction(null)} />
      <ProvenanceDrawer figure={figure} onClose={() => setFigure(null)} />
    </PageCard>
  );
}
