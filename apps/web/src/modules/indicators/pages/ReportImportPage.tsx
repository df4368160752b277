import { UploadOutlined } from '@ant-design/icons';
import type { IndicatorImportAnalysis, IndicatorImportProposal } from '@fazhi/contracts';
import {
  Alert,
  Button,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { showError, showSuccess } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { PageCard } from '../../../platform/ui';
import { OrgTreeSelect } from '../../org';
import { useAnalyseReport, useConfirmImport } from '../api/report-import';

type Row = IndicatorImportProposal & { key: string };

/** The figure highlighted inside its sentence. */
function SentenceWithFigure({ sentence, written }: { sentence: string; written: string }) {
  const at = sentence.indexOf(written);
  if (at < 0 || !written) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <Typography.Text mark>{written}</Typography.Text>
      {sentence.slice(at + written.length)}
    </>
  );
}

/**
 * 导入已公开报告 (issue 4 §6): paste (or upload as .txt) the text of an earlier published 法治政府建设 report;
 * its figures are proposed as indicator values of the chosen organisation and year, each with the sentence it
 * came from; a person checks, edits and confirms — so a new installation has last year's baseline at once.
 */
export function ReportImportPage() {
  const t = useT();
  const [orgId, setOrgId] = useState<string | undefined>();
  const [year, setYear] = useState<number>(new Date().getFullYear() - 1);
  const [reportName, setReportName] = useState('');
  const [text, setText] = useState('');
  const [analysis, setAnalysis] = useState<IndicatorImportAnalysis | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [selected, setSelected] = useState<React.Key[]>([]);
  const analyse = useAnalyseReport();
  const confirm = useConfirmImport();

  const runAnalysis = () => {
    if (!orgId) return;
    analyse.mutate(
      { orgId, year, text, reportName: reportName || undefined },
      {
        onSuccess: (a) => {
          setAnalysis(a);
          const r = a.proposals.map((p, i) => ({ ...p, key: `${i}` }));
          setRows(r);
          setSelected(r.map((x) => x.key));
        },
        onError: showError,
      },
    );
  };

  const update = (key: string, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const chosen = rows.filter((r) => selected.includes(r.key));
  const duplicates = useMemo(() => {
    const seen = new Map<string, number>();
    for (const r of chosen) seen.set(r.indicatorCode, (seen.get(r.indicatorCode) ?? 0) + 1);
    return new Set([...seen].filter(([, n]) => n > 1).map(([c]) => c));
  }, [chosen]);

  const doConfirm = () => {
    if (!analysis) return;
    confirm.mutate(
      {
        orgId: analysis.orgId,
        year: analysis.year,
        reportName: analysis.reportName,
        items: chosen.map((r) => ({
          indicatorCode: r.indicatorCode,
          value: r.value,
          approx: r.approx,
          sentence: r.sentence,
          section: r.section,
          written: r.written,
        })),
      },
      {
        onSuccess: (res) => {
          showSuccess(
            t(`已确认 ${res.count} 项指标数值（${res.period}年度）`, `${res.count} values confirmed`),
          );
          setAnalysis(null);
          setRows([]);
        },
        onError: showError,
      },
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('指标', 'Indicator'),
      width: 260,
      render: (_, r) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          status={duplicates.has(r.indicatorCode) && selected.includes(r.key) ? 'error' : undefined}
          value={r.indicatorCode}
          onChange={(code: string) => {
            const alt = r.alternatives.find((a) => a.indicatorCode === code);
            if (!alt) return;
            // swap the chosen indicator with the alternative, keeping the other candidates on offer
            const prev = { indicatorCode: r.indicatorCode, name: r.name, confidence: r.confidence };
            update(r.key, {
              indicatorCode: alt.indicatorCode,
              name: alt.name,
              confidence: alt.confidence,
              alternatives: [prev, ...r.alternatives.filter((a) => a.indicatorCode !== code)],
            });
          }}
          options={[
            { value: r.indicatorCode, label: r.name },
            ...r.alternatives.map((a) => ({ value: a.indicatorCode, label: a.name })),
          ]}
        />
      ),
    },
    {
      title: t('数值', 'Value'),
      width: 150,
      render: (_, r) => (
        <Flex gap={4} align="center">
          <InputNumber
            size="small"
            value={r.value}
            onChange={(v) => v !== null && update(r.key, { value: Number(v) })}
            style={{ width: 110 }}
          />
          <span>{r.unit}</span>
        </Flex>
      ),
    },
    {
      title: t('原文写法', 'As written'),
      width: 120,
      render: (_, r) => (
        <Flex gap={4} wrap>
          <span>{r.written}</span>
          {r.approx && (
            <Tooltip title={t('原文为约数（余、以上、多、超、突破）', 'An approximate figure in the text')}>
              <Tag color="orange">{t('约数', 'approx.')}</Tag>
            </Tooltip>
          )}
        </Flex>
      ),
    },
    {
      title: t('出处', 'Source sentence'),
      render: (_, r) => (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.section}
          </Typography.Text>
          <div>
            <SentenceWithFigure sentence={r.sentence} written={r.written} />
          </div>
        </div>
      ),
    },
    {
      title: t('匹配度', 'Match'),
      width: 80,
      render: (_, r) => (
        <Tag color={r.confidence >= 0.6 ? 'green' : r.confidence >= 0.4 ? 'gold' : 'default'}>
          {Math.round(r.confidence * 100)}%
        </Tag>
      ),
    },
    {
      title: t('已有数值', 'Existing'),
      width: 110,
      render: (_, r) =>
        r.existing ? (
          <Tooltip title={t(`来源：${r.existing.source}`, `source: ${r.existing.source}`)}>
            <span>{r.existing.value ?? '—'}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
  ];

  const readFile = async (file: File) => {
    const buf = await file.arrayBuffer();
    let s = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    // files saved by Windows tools are often GB18030
    if (s.includes('\uFFFD')) s = new TextDecoder('gb18030').decode(buf);
    setText(s);
    if (!reportName) setReportName(file.name.replace(/\.txt$/i, ''));
    return false;
  };

  return (
    <PageCard title={t('导入已公开报告', 'Import a published report')} testId="report-import">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={t(
          '粘贴或上传往年已公开的法治政府建设年度报告正文，系统提出其中的数字作为指标数值的建议（含原句），经人工核对、修改并确认后才写入，作为该单位该年度的基础数据。',
          'Paste or upload the text of an earlier published report; its figures are proposed as indicator values with their sentences and written only after a person confirms them.',
        )}
      />
      <Form layout="vertical">
        <Flex gap="middle" wrap>
          <Form.Item label={t('单位', 'Organisation')} required style={{ minWidth: 280 }}>
            <OrgTreeSelect value={orgId} onChange={setOrgId} testId="import-org" />
          </Form.Item>
          <Form.Item label={t('报告年度', 'Year reported on')} required>
            <InputNumber
              min={2000}
              max={2100}
              value={year}
              onChange={(v) => v && setYear(v)}
              data-testid="import-year"
            />
          </Form.Item>
          <Form.Item label={t('报告名称', 'Report title')} style={{ flex: 1, minWidth: 240 }}>
            <Input value={reportName} onChange={(e) => setReportName(e.target.value)} maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item
          label={
            <Flex gap="small" align="center">
              {t('报告正文', 'Report text')}
              <Upload accept=".txt,text/plain" showUploadList={false} beforeUpload={readFile}>
                <Button size="small" icon={<UploadOutlined />} data-testid="import-upload">
                  {t('上传 .txt', 'Upload .txt')}
                </Button>
              </Upload>
            </Flex>
          }
        >
          <Input.TextArea
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('在此粘贴报告全文', 'Paste the whole report here')}
            data-testid="import-text"
          />
        </Form.Item>
        <Button
          type="primary"
          onClick={runAnalysis}
          loading={analyse.isPending}
          disabled={!orgId || text.trim().length < 10}
          data-testid="import-analyse"
        >
          {t('识别数字', 'Find figures')}
        </Button>
      </Form>

      {analysis && (
        <div style={{ marginTop: 24 }}>
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }} wrap gap="small">
            <Typography.Text>
              {t(
                `${analysis.orgName} ${analysis.year}年度：识别出 ${rows.length} 项，已勾选 ${chosen.length} 项`,
                `${analysis.orgName} ${analysis.year}: ${rows.length} figures found, ${chosen.length} selected`,
              )}
            </Typography.Text>
            <Button
              type="primary"
              onClick={doConfirm}
              loading={confirm.isPending}
              disabled={chosen.length === 0 || duplicates.size > 0}
              data-testid="import-confirm"
            >
              {t('确认写入所选数值', 'Confirm the selected values')}
            </Button>
          </Flex>
          {duplicates.size > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 8 }}
              message={t('同一指标勾选了多个数值，请只保留一个', 'One indicator is selected more than once')}
            />
          )}
          <Table<Row>
            size="small"
            rowKey="key"
            columns={columns}
            dataSource={rows}
            pagination={false}
            rowSelection={{ selectedRowKeys: selected, onChange: setSelected }}
            data-testid="import-proposals"
          />
        </div>
      )}
    </PageCard>
  );
}
