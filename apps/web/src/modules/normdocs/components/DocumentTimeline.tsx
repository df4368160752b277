import {
  ATTACHMENT_KINDS,
  CLEANUP_RESULTS,
  DELIBERATION_RESULTS,
  EVALUATION_RECOMMENDATIONS,
  FAIR_COMPETITION_CONCLUSIONS,
  FILING_RECIPIENTS,
  FILING_STATUSES,
  FILING_TRANSITIONS,
  LEGALITY_OPINIONS,
  NORMDOC_TRANSITIONS,
  type NormdocAction,
  type NormdocEvent,
} from '@fazhi/contracts';
import { Empty, Flex, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../platform/format';
import { useLabel, useT, type Bilingual } from '../../../platform/i18n';
import { NormdocStatusTag } from './NormdocStatusTag';

/** Timeline lines that are not lifecycle transitions. */
const OTHER_ACTIONS: Record<string, Bilingual> = {
  create: { zh: '新建文件', en: 'Created' },
  edit: { zh: '修改草稿', en: 'Draft edited' },
  update: { zh: '修改草稿', en: 'Draft edited' },
  create_version: { zh: '形成新版本', en: 'New version created' },
  superseded: { zh: '被新版本替代', en: 'Superseded' },
  filing_opened: { zh: '生成备案任务', en: 'Filing due' },
  cleanup_keep: { zh: '清理：继续有效', en: 'Clean-up: kept' },
  post_evaluation: { zh: '实施后评估', en: 'Post-evaluation' },
  expiry_reminded: { zh: '有效期届满提醒', en: 'Expiry reminder' },
  import: { zh: '从已有目录导入', en: 'Imported' },
  attach: { zh: '上传附件', en: 'Attachment added' },
  attachment_added: { zh: '上传附件', en: 'Attachment added' },
  attachment_removed: { zh: '删除附件', en: 'Attachment removed' },
  detach: { zh: '删除附件', en: 'Attachment removed' },
  interpret: { zh: '发布政策解读', en: 'Interpretation published' },
  interpretation: { zh: '发布政策解读', en: 'Interpretation published' },
};

/** Chinese names of the facts a step records (the `data` of an event). */
const DATA_LABELS: Record<string, Bilingual> = {
  opinion: { zh: '审核意见', en: 'Opinion' },
  suggestionCount: { zh: '修改意见条数', en: 'Suggestions' },
  opinionText: { zh: '意见内容', en: 'Opinion text' },
  meeting: { zh: '会议', en: 'Meeting' },
  meetingDate: { zh: '会议日期', en: 'Meeting date' },
  result: { zh: '审议结果', en: 'Result' },
  conclusion: { zh: '结论', en: 'Conclusion' },
  participants: { zh: '参与人员', en: 'Participants' },
  opensOn: { zh: '开始日期', en: 'Opens on' },
  closesOn: { zh: '截止日期', en: 'Closes on' },
  days: { zh: '期限（日）', en: 'Days' },
  shortenedReason: { zh: '缩短理由', en: 'Reason for shortening' },
  adoptionExplanation: { zh: '采纳情况', en: 'Adoption' },
  signedBy: { zh: '签发人', en: 'Signed by' },
  signedOn: { zh: '签发日期', en: 'Signed on' },
  registeredOn: { zh: '登记日期', en: 'Registered on' },
  registrationNumber: { zh: '统一登记号', en: 'Registration no.' },
  docNumber: { zh: '发文字号', en: 'Document no.' },
  publishedOn: { zh: '公布日期', en: 'Published on' },
  effectiveOn: { zh: '施行日期', en: 'Effective on' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  channels: { zh: '发布渠道', en: 'Channels' },
  reason: { zh: '理由', en: 'Reason' },
  endedOn: { zh: '失效日期', en: 'Ended on' },
  kind: { zh: '类别', en: 'Kind' },
  fileName: { zh: '文件名', en: 'File' },
  recipientKind: { zh: '备案机关', en: 'Recipient' },
  status: { zh: '状态', en: 'Status' },
  dueDate: { zh: '期限至', en: 'Due' },
  recommendation: { zh: '评估建议', en: 'Recommendation' },
  fields: { zh: '修改内容', en: 'Fields' },
  sha256: { zh: 'SHA-256', en: 'SHA-256' },
  size: { zh: '大小（字节）', en: 'Size (bytes)' },
  coIssuers: { zh: '联合发文机关', en: 'Co-issuers' },
  title: { zh: '标题', en: 'Title' },
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  opinion: LEGALITY_OPINIONS,
  result: DELIBERATION_RESULTS,
  conclusion: FAIR_COMPETITION_CONCLUSIONS,
  kind: ATTACHMENT_KINDS,
  recipientKind: FILING_RECIPIENTS,
  status: FILING_STATUSES,
  recommendation: EVALUATION_RECOMMENDATIONS,
  cleanupResult: CLEANUP_RESULTS,
};

function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return VALUE_LABELS[key]?.[value] ?? value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('、');
  if (key === 'channels' && Array.isArray(value)) {
    return value
      .map((c: { channel?: string; url?: string }) =>
        c.url ? `${c.channel ?? ''}（${c.url}）` : (c.channel ?? ''),
      )
      .join('；');
  }
  return JSON.stringify(value);
}

const RED: readonly string[] = [
  'repeal',
  'declare_invalid',
  'abandon',
  'remove_from_catalog',
  'return_for_materials',
];
const GREEN: readonly string[] = ['publish', 'take_effect', 'register', 'sign', 'import'];

function color(e: NormdocEvent): string {
  if (RED.includes(e.action) || e.toStatus === 'review_failed') return 'red';
  if (GREEN.includes(e.action) || e.toStatus === 'review_passed' || e.toStatus === 'adopted') return 'green';
  return 'blue';
}

/** 办理流程: every transition and step — what, who (and their organisation), when, note and recorded facts. */
export function DocumentTimeline({ events }: { events: NormdocEvent[] }) {
  const t = useT();
  const label = useLabel();
  if (events.length === 0) return <Empty description={t('暂无办理记录', 'No steps yet')} />;
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  const actionLabel = (action: string) => {
    const step = (NORMDOC_TRANSITIONS as Record<string, Bilingual | undefined>)[action as NormdocAction];
    if (step) return label(step);
    const other = OTHER_ACTIONS[action];
    if (other) return label(other);
    const filing = action.startsWith('filing_')
      ? (FILING_TRANSITIONS as Record<string, Bilingual | undefined>)[action.slice('filing_'.length)]
      : undefined;
    return filing ? `${t('备案', 'Filing')}：${label(filing)}` : action;
  };

  return (
    <div data-testid="timeline">
      <Timeline
        items={sorted.map((e) => {
          // Internal ids (filingId, newVersionId …) mean nothing to a reader; `xLabel` repeats `x`.
          const data = e.data ?? {};
          const facts = Object.entries(data).filter(
            ([k, v]) =>
              !/Id$/.test(k) &&
              !(k.endsWith('Label') && k.slice(0, -'Label'.length) in data) &&
              v !== null &&
              v !== undefined &&
              v !== '' &&
              !(Array.isArray(v) && v.length === 0),
          );
          return {
            key: e.id,
            color: color(e),
            content: (
              <Flex vertical gap={4} data-testid="timeline-item" data-action={e.action}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(e.at)}
                </Typography.Text>
                <Flex gap="small" align="center" wrap>
                  <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                  {e.fromStatus && <NormdocStatusTag status={e.fromStatus} />}
                  {e.fromStatus && e.toStatus && <span>→</span>}
                  {e.toStatus && <NormdocStatusTag status={e.toStatus} />}
                </Flex>
                <Typography.Text type="secondary">
                  {e.actorName}
                  {e.actorOrgName ? ` · ${e.actorOrgName}` : ''}
                </Typography.Text>
                {e.note && (
                  <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                    {e.note}
                  </Typography.Paragraph>
                )}
                {facts.map(([k, v]) => (
                  <Typography.Text
                    key={k}
                    style={{ fontSize: 13, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                  >
                    <Typography.Text type="secondary">
                      {DATA_LABELS[k] ? label(DATA_LABELS[k]) : k}：
                    </Typography.Text>
                    {valueText(k, v)}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          };
        })}
      />
    </div>
  );
}
