import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { CollectionTarget, CollectionValueView } from '@fazhi/contracts';
import {
  Alert,
  Button,
  Flex,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useT } from '../../../platform/i18n';

export type Draft = {
  values: Record<
    string,
    { value: number | null; numerator: number | null; denominator: number | null; note: string }
  >;
  narratives: Record<string, string>;
};

export function draftOf(target: CollectionTarget): Draft {
  return {
    values: Object.fromEntries(
      target.values.map((v) => [
        v.code,
        { value: v.value, numerator: v.numerator, denominator: v.denominator, note: v.note },
      ]),
    ),
    narratives: Object.fromEntries(target.sections.map((s) => [s.code, s.text])),
  };
}

const fmt = (v: number | null, unit: string) => (v === null ? '—' : unit === '%' ? `${v}%` : String(v));

function liveRate(n: number | null, d: number | null) {
  if (n === null || d === null || !d) return null;
  return Math.round((n / d) * 10000) / 100;
}

interface Props {
  target: CollectionTarget;
  draft: Draft;
  editable: boolean;
  onChange?: (d: Draft) => void;
  onUploadEvidence?: (code: string, file: File) => void;
  onDeleteEvidence?: (fileId: string) => void;
  onDownloadEvidence: (fileId: string, fileName: string) => void;
}

/**
 * The values of a 填报 target (with the computed value beside each field and a flag when they differ, and a
 * mark on values reused from an earlier report of the period), their evidence, and the narrative sections.
 */
export function SubmissionForm({
  target,
  draft,
  editable,
  onChange,
  onUploadEvidence,
  onDeleteEvidence,
  onDownloadEvidence,
}: Props) {
  const t = useT();
  const setValue = (code: string, patch: Partial<Draft['values'][string]>) =>
    onChange?.({
      ...draft,
      values: {
        ...draft.values,
        [code]: {
          ...(draft.values[code] ?? { value: null, numerator: null, denominator: null, note: '' }),
          ...patch,
        },
      },
    });

  const columns: TableColumnsType<CollectionValueView> = [
    {
      title: t('指标', 'Indicator'),
      dataIndex: 'name',
      render: (_v, r) => (
        <Space direction="vertical" size={0}>
          <Tooltip title={r.definition || undefined}>
            <Typography.Text strong>{r.name}</Typography.Text>
          </Tooltip>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.code} · {r.unit}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('填报值', 'Value'),
      key: 'value',
      width: 300,
      render: (_v, r) => {
        const d = draft.values[r.code] ?? { value: null, numerator: null, denominator: null, note: '' };
        if (r.isRate)
          return (
            <Space data-testid={`value-${r.code}`} wrap>
              <InputNumber
                min={0}
                disabled={!editable}
                value={d.numerator}
                placeholder={t('分子', 'Numerator')}
                onChange={(n) => setValue(r.code, { numerator: n ?? null })}
                data-testid={`value-${r.code}-numerator`}
                style={{ width: 100 }}
              />
              /
              <InputNumber
                min={0}
                disabled={!editable}
                value={d.denominator}
                placeholder={t('分母', 'Denominator')}
                onChange={(n) => setValue(r.code, { denominator: n ?? null })}
                data-testid={`value-${r.code}-denominator`}
                style={{ width: 100 }}
              />
              <Typography.Text>= {fmt(liveRate(d.numerator, d.denominator), '%')}</Typography.Text>
            </Space>
          );
        return (
          <InputNumber
            min={0}
            disabled={!editable}
            value={d.value}
            addonAfter={r.unit}
            onChange={(n) => setValue(r.code, { value: n ?? null })}
            data-testid={`value-${r.code}`}
            style={{ width: 180 }}
          />
        );
      },
    },
    {
      title: t('系统计算值', 'Computed'),
      key: 'computed',
      width: 150,
      render: (_v, r) => {
        if (!r.computed) return <Typography.Text type="secondary">—</Typography.Text>;
        const d = draft.values[r.code];
        const mine = r.isRate ? liveRate(d?.numerator ?? null, d?.denominator ?? null) : (d?.value ?? null);
        const differs =
          mine !== null &&
          r.computed.value !== null &&
          Math.round(mine * 100) !== Math.round(r.computed.value * 100);
        return (
          <Space size={4} data-testid={`computed-${r.code}`}>
            <span>{fmt(r.computed.value, r.unit)}</span>
            {differs && (
              <Tooltip
                title={t(
                  '填报值与系统根据业务记录计算的值不一致，请核对',
                  'Differs from the value computed from the records',
                )}
              >
                <Tag color="warning">{t('不一致', 'Differs')}</Tag>
              </Tooltip>
            )}
          </Space>
        );
      },
    },
    {
      title: t('说明 / 佐证', 'Note / evidence'),
      key: 'note',
      width: 300,
      render: (_v, r) => (
        <Space direction="vertical" style={{ width: '100%' }} size={4}>
          {r.reused && (
            <Tooltip
              title={t(
                '本期已报送过该数值，已自动带入，核对无误即可（最多报一次）',
                'Already reported this period; reused',
              )}
            >
              <Tag color="blue" data-testid={`reused-${r.code}`}>
                {t('沿用已报数据', 'Reused')}
              </Tag>
            </Tooltip>
          )}
          <Input
            size="small"
            disabled={!editable}
            value={draft.values[r.code]?.note ?? ''}
            placeholder={t('口径或情况说明（可选）', 'Note (optional)')}
            onChange={(e) => setValue(r.code, { note: e.target.value })}
          />
          {r.evidence.map((e) => (
            <Flex key={e.fileId} gap={4} align="center">
              <Button
                type="link"
                size="small"
                icon={<PaperClipOutlined />}
                onClick={() => onDownloadEvidence(e.fileId, e.fileName)}
              >
                {e.fileName}
              </Button>
              {editable && onDeleteEvidence && (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => onDeleteEvidence(e.fileId)}
                />
              )}
            </Flex>
          ))}
          {editable && onUploadEvidence && (
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                onUploadEvidence(r.code, file);
                return false;
              }}
            >
              <Button size="small" icon={<UploadOutlined />} data-testid={`evidence-${r.code}`}>
                {t('上传佐证材料', 'Upload evidence')}
              </Button>
            </Upload>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {target.values.some((v) => v.reused) && editable && (
        <Alert
          type="info"
          showIcon
          message={t(
            '标注“沿用已报数据”的指标本期已经报送过，已自动带入，请核对确认，无需重复填写。',
            'Values marked “Reused” were already reported this period; confirm them instead of retyping.',
          )}
        />
      )}
      <Table<CollectionValueView>
        rowKey="code"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={target.values}
        onRow={(r) => ({ 'data-testid': `value-row-${r.code}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {target.sections.map((s) => (
        <div key={s.code}>
          <Typography.Title level={5}>{s.title}</Typography.Title>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 12 }}
            disabled={!editable}
            maxLength={20000}
            value={draft.narratives[s.code] ?? ''}
            onChange={(e) =>
              onChange?.({ ...draft, narratives: { ...draft.narratives, [s.code]: e.target.value } })
            }
            data-testid={`narrative-${s.code}`}
          />
        </div>
      ))}
    </Space>
  );
}
