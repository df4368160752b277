import {
  BODY_KINDS,
  BODY_STATUSES,
  BODY_TRANSITIONS,
  POWER_CATEGORIES,
  type BodyAction,
} from '@fazhi/contracts';
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { fromIsoDate, toIsoDate, today } from '../../../../platform/format';
import { useT } from '../../../../platform/i18n';
import { useBody, useBodyAction } from '../../api/bodies';
import { FormModal } from '../officers/FormModal';
import { BodyFormModal } from './BodyFormModal';

const HISTORY_LABELS: Record<string, string> = {
  register: '登记',
  adjust: '调整',
  confirm: '确认',
  announce: '公告',
  cancel: '撤销',
};

export const bodyStatusColor = (s: string) =>
  s === 'announced' ? 'green' : s === 'confirmed' ? 'blue' : s === 'adjusted' ? 'orange' : 'default';

/** A body: details, powers, history through institutional reform, and confirm / announce / cancel. */
export function BodyDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT();
  const q = useBody(id);
  const b = q.data;
  const act = useBodyAction();
  const [action, setAction] = useState<BodyAction | null>(null);
  const [editing, setEditing] = useState(false);
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={760}
      title={b?.org.name ?? ''}
      data-testid="body-drawer"
    >
      {b && (
        <>
          <Flex gap="small" style={{ marginBottom: 12 }}>
            {b.actions.includes('edit') && b.status !== 'cancelled' && (
              <Button onClick={() => setEditing(true)}>{t('调整', 'Adjust')}</Button>
            )}
            {b.actions
              .filter((a): a is BodyAction => a in BODY_TRANSITIONS)
              .map((a) => (
                <Button
                  key={a}
                  danger={a === 'cancel'}
                  type={a === 'cancel' ? 'default' : 'primary'}
                  onClick={() => setAction(a)}
                  data-testid={`body-action-${a}`}
                >
                  {BODY_TRANSITIONS[a].zh}
                </Button>
              ))}
          </Flex>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('统一社会信用代码', 'USCC')}>{b.org.uscc ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('状态', 'Status')}>
              <Tag color={bodyStatusColor(b.status)}>{BODY_STATUSES[b.status]}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('主体类别', 'Kind')}>{BODY_KINDS[b.kind]}</Descriptions.Item>
            <Descriptions.Item label={t('执法领域', 'Fields')}>{b.fields.join('、')}</Descriptions.Item>
            {b.kind === 'entrusted_organisation' && (
              <>
                <Descriptions.Item label={t('委托机关', 'Entrusting organ')}>
                  {b.entrustingOrg?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('委托文件', 'Document')}>
                  {b.entrustmentDoc ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('委托事项', 'Matters')} span={2}>
                  {b.entrustedMatters.join('；')}
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t('确认', 'Confirmation')} span={2}>
              {b.confirmedOn ? `${b.confirmedOn} ${b.confirmedBy ?? ''} ${b.confirmationDoc ?? ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('公告', 'Announcement')} span={2}>
              {b.announcedOn ? `${b.announcedOn} ${b.announcementDoc ?? ''} ${b.announcementUrl ?? ''}` : '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('权责清单事项', 'Powers')}（{b.powers.length}）
          </Typography.Title>
          <Table
            size="small"
            rowKey="code"
            pagination={{ pageSize: 10 }}
            dataSource={b.powers}
            columns={[
              { title: t('编码', 'Code'), dataIndex: 'code', width: 110 },
              { title: t('事项名称', 'Name'), dataIndex: 'name' },
              {
                title: t('类别', 'Category'),
                dataIndex: 'category',
                width: 110,
                render: (c: keyof typeof POWER_CATEGORIES) => POWER_CATEGORIES[c],
              },
              { title: t('设定依据', 'Legal basis'), dataIndex: 'legalBasis' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('历史', 'History')}
          </Typography.Title>
          <Timeline
            items={b.history.map((h) => ({
              children: `${h.on} ${HISTORY_LABELS[h.action] ?? h.action}（${BODY_STATUSES[h.status]}）${[h.authority, h.document, h.reason].filter(Boolean).join(' ')}`,
            }))}
          />
          {editing && <BodyFormModal body={b} onClose={() => setEditing(false)} />}
          {action && (
            <FormModal
              open
              title={BODY_TRANSITIONS[action].zh}
              testId={`body-action-form-${action}`}
              initialValues={{ on: fromIsoDate(today()) }}
              onClose={() => setAction(null)}
              onSubmit={(v) =>
                act.mutateAsync({
                  id: b.id,
                  action,
                  version: b.version,
                  on: toIsoDate(v.on as Dayjs | undefined),
                  authority: (v.authority as string | undefined) || null,
                  document: (v.document as string | undefined) || null,
                  url: (v.url as string | undefined) || null,
                  reason: (v.reason as string | undefined) || null,
                })
              }
            >
              <Form.Item name="on" label={t('日期', 'Date')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
              {action === 'confirm' && (
                <Form.Item
                  name="authority"
                  label={t('确认机关（同级人民政府）', 'Confirmed by')}
                  rules={[{ required: true }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              )}
              {action !== 'cancel' && (
                <Form.Item
                  name="document"
                  label={
                    action === 'confirm' ? t('确认文件', 'Document') : t('公告文号', 'Announcement number')
                  }
                  rules={[{ required: action === 'confirm' }]}
                >
                  <Input maxLength={100} />
                </Form.Item>
              )}
              {action === 'announce' && (
                <Form.Item name="url" label={t('公告链接', 'Link')}>
                  <Input maxLength={500} placeholder="https://" />
                </Form.Item>
              )}
              <Form.Item name="reason" label={t('说明', 'Note')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </FormModal>
          )}
        </>
      )}
    </Drawer>
  );
}
