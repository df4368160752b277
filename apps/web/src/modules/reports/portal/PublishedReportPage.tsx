import { Card, Result, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../platform/api';
import { formatDate } from '../../../platform/format';
import { useT } from '../../../platform/i18n';
import { usePublishedReport } from '../api/reports';
import { RenderedReport } from '../components/RenderedReport';

/** Portal: one published report, with the text and figures as published. */
export function PublishedReportPage() {
  const t = useT();
  const { reportId } = useParams();
  const report = usePublishedReport(reportId);
  if (report.isLoading) return <Spin />;
  if (!report.data) {
    const missing = isApiError(report.error) && report.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={
          missing ? t('报告不存在或未公开', 'No such published report') : t('加载失败', 'Failed to load')
        }
        extra={<Link to="/portal/reports">{t('返回列表', 'Back')}</Link>}
      />
    );
  }
  const r = report.data;
  return (
    <Card data-testid="portal-report">
      <Link to="/portal/reports">← {t('法治政府建设年度报告', 'Annual reports')}</Link>
      <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
        {[r.docNumber, `${t('公开日期', 'Published')} ${formatDate(r.publishedOn)}`]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Paragraph>
      <RenderedReport
        title={r.title}
        sections={r.sections}
        issuer={r.issuer}
        issuedOn={r.issuedOn}
        testId="portal-report-body"
      />
    </Card>
  );
}
