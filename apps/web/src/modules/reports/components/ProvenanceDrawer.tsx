import type { RenderedRun } from '@fazhi/contracts';
import { Alert, Descriptions, Drawer, List, Spin, Typography } from 'antd';
import { isApiError } from '../../../platform/api';
import { useT } from '../../../platform/i18n';
import { useProvenance } from '../api/reports';

type Figure = Extract<RenderedRun, { kind: 'figure' }>;

/** The records (or submitted values) behind one number of the report. */
export function ProvenanceDrawer({ figure, onClose }: { figure: Figure | null; onClose: () => void }) {
  const t = useT();
  const prov = useProvenance(figure?.provenanceUrl ?? null);
  return (
    <Drawer
      open={!!figure}
      onClose={onClose}
      width={560}
      title={figure ? `${figure.name}：${figure.display}` : ''}
      data-testid="provenance-drawer"
    >
      {figure && (
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('指标代码', 'Indicator')}>{figure.code}</Descriptions.Item>
          <Descriptions.Item label={t('来源', 'Source')}>{figure.source}</Descriptions.Item>
          {figure.denominator !== null && (
            <Descriptions.Item label={t('分子/分母', 'Numerator / denominator')}>
              {figure.numerator ?? '—'} / {figure.denominator}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {prov.isLoading && <Spin />}
      {prov.error && (
        <Alert
          type="warning"
          showIcon
          message={
            isApiError(prov.error) ? prov.error.localizedMessage() : t('来源加载失败', 'Failed to load')
          }
        />
      )}
      {prov.data && (
        <>
          <Typography.Title level={5}>
            {t('依据的业务记录', 'Records')}（{prov.data.records.total}）
          </Typography.Title>
          <List
            size="small"
            dataSource={prov.data.records.items}
            renderItem={(r) => (
              <List.Item>
                <List.Item.Meta
                  title={r.title}
                  description={`${r.orgName} · ${r.date ?? ''} · ${r.detail}${
                    r.inNumerator === null ? '' : r.inNumerator ? ' · 计入分子' : ' · 未计入分子'
                  }`}
                />
              </List.Item>
            )}
          />
          {prov.data.values.length > 0 && (
            <>
              <Typography.Title level={5}>{t('填报数据', 'Submitted values')}</Typography.Title>
              <List
                size="small"
                dataSource={prov.data.values}
                renderItem={(v) => (
                  <List.Item>
                    {v.orgName ?? v.regionCode} · {v.source} ·{' '}
                    {v.value ?? `${v.numerator ?? '—'}/${v.denominator ?? '—'}`}
                  </List.Item>
                )}
              />
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
